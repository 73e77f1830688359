import type { DesktopConfigError } from '../../../common/desktop-config-schema.ts';

/**
 * Shown instead of everything else when the configuration is invalid. The app never falls
 * back to other settings, so the employee needs exactly what IT needs to fix it: the file,
 * the setting and the problem.
 */
export function ConfigErrorScreen({ error }: { error: DesktopConfigError }) {
  return (
    <section className="config-error" role="alert" aria-labelledby="config-error-title">
      <h1 id="config-error-title">Configuration error</h1>
      <p className="lead">
        Box SSO Desktop cannot start because its configuration has a problem. Send this message to your IT department;
        the app will work again once the file is fixed and the app restarted.
      </p>
      <dl className="config-error-details">
        <dt>File</dt>
        <dd>
          <code>{error.file ?? 'No file: a required setting is not set anywhere'}</code>
        </dd>
        {error.field !== null && (
          <>
            <dt>Setting</dt>
            <dd>
              <code>{error.field}</code>
            </dd>
          </>
        )}
        <dt>Problem</dt>
        <dd>{error.message}</dd>
      </dl>
    </section>
  );
}
