/**
 * happy-dom does no layout, so every element measures 0×0 and a virtualized list would show
 * no rows at all. This gives the list's scroll container the size of a small window.
 */
export const listViewport = { width: 900, height: 400 };

export function giveListAViewport(): void {
  const sized = (element: HTMLElement, size: number): number =>
    element.dataset.testid === 'file-list-body' ? size : 0;
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this, listViewport.height);
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this, listViewport.width);
    },
  });
}
