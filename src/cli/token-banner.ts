import type { Config } from '../config/index.js';
import type { ApiKeyKind } from '../store/types.js';

/** Shown once, when tokens are generated; Folio keeps only their hashes. */
export function tokenBanner(config: Pick<Config, 'publicUrl' | 'spaceId'>, tokens: Array<{ kind: ApiKeyKind; token: string }>): string {
  const url = new URL(config.publicUrl);
  const insecure = url.protocol === 'http:';
  const byKind = Object.fromEntries(tokens.map((t) => [t.kind, t.token]));
  const lines = [
    '',
    'Folio generated these API tokens. They are shown only now: copy them somewhere safe.',
    ...tokens.map((t) => `  ${(t.kind + ':').padEnd(12)}${t.token}`),
    '',
  ];
  if (byKind.delivery) {
    lines.push(
      'Read published content with the official SDK (npm i contentful):',
      '',
      "  import * as contentful from 'contentful';",
      '  const client = contentful.createClient({',
      `    space: '${config.spaceId}',`,
      `    accessToken: '${byKind.delivery}',`,
      `    host: '${url.host}',`,
      ...(insecure ? ['    insecure: true,'] : []),
      "    basePath: 'delivery',",
      '  });',
      "  const articles = await client.getEntries({ content_type: 'article' });",
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
