// A blog's address checked, and the error of a request that failed: apart from the fetching
// itself (http.ts), so that the first screen of a cached feed is found without loading it.

/** A request that failed, with one line that says why. */
export class FetchError extends Error {}

/** An http or https URL, or why not. */
export function checkAddress(address: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    throw new FetchError(`not a web address: ${address}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`only http and https addresses are read, not ${url.protocol.replace(/:$/, '')}`);
  if (url.username || url.password) throw new FetchError('addresses with a user name or password are not read');
  url.hash = '';
  return url;
}
