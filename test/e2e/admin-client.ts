/** A cookie-keeping HTTP client for the editor, as a browser without JavaScript would use it. */
export interface Answer {
  status: number;
  text: string;
  headers: Headers;
  location: string | null;
}

export class AdminClient {
  readonly cookies = new Map<string, string>();
  /** The CSRF token of the last page fetched. */
  csrf = '';

  constructor(readonly base: string) {}

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, eq), pair!.slice(eq + 1)];
      if (value === '' || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Answer> {
    const res = await fetch(this.base + path, { method, redirect: 'manual', headers: { cookie: this.cookieHeader(), ...init.headers }, ...(init.body !== undefined ? { body: init.body } : {}) });
    this.remember(res);
    const text = await res.text();
    const token = /<meta name="csrf-token" content="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, text, headers: res.headers, location: res.headers.get('location') };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  /** A form POST; `_csrf` is added from the last page unless given. */
  post(path: string, fields: Record<string, string | string[]> = {}) {
    const body = new URLSearchParams();
    if (!('_csrf' in fields)) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.request('POST', path, { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  json(path: string, value: unknown) {
    return this.request('POST', path, { body: JSON.stringify(value), headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': this.csrf } });
  }

  /** A client signed in as `email` (refusing to go on if sign-in fails), with a page's CSRF token fetched. */
  static async signedIn(base: string, email: string, password: string, landing = '/admin/entries'): Promise<AdminClient> {
    const c = new AdminClient(base);
    const answer = await c.login(email, password);
    if (answer.status !== 303) throw new Error(`Sign-in as ${email} answered ${answer.status}`);
    await c.get(landing);
    return c;
  }

  async login(email: string, password: string): Promise<Answer> {
    await this.get('/admin/login');
    return this.post('/admin/login', { email, password });
  }
}

/** Text of a page's first error summary / error texts, for assertions. */
export const errorsOf = (page: string) => [...page.matchAll(/class="error-text"[^>]*>([^<]+)</g)].map((m) => m[1]!.trim());

/** The hidden inputs of the form with this id, as a browser would send them back. */
export function hiddenInputs(page: string, formId: string): Record<string, string> {
  const form = new RegExp(`<form[^>]*id="${formId}"[\\s\\S]*?</form>`).exec(page)![0];
  const unescape = (v: string) => v.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, unescape(m[2]!)]));
}
