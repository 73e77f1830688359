/** Uploads new content for an existing file as Box's desktop clients do (a multipart `POST /files/{id}/content`). */
export async function uploadNewVersion(origin: string, token: string, fileId: string, text: string): Promise<void> {
  const form = new FormData();
  // Box needs `attributes` before `file`.
  form.append('attributes', JSON.stringify({ name: undefined }));
  form.append('file', new Blob([text]), 'content');
  const response = await fetch(`${origin}/api/2.0/files/${fileId}/content`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (!response.ok) throw new Error(`new version of ${fileId}: ${response.status} ${await response.text()}`);
}
