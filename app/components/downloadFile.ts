/**
 * Offers a text as a file download, through a Blob URL (the site's CSP allows `blob:`; a
 * `data:` link would not carry a large world). The one way the app saves a file.
 */
export function downloadTextFile(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; a minute is ample for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
