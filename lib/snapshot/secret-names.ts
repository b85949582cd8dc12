// The one list of names that hold secrets (DESIGN rule 2), for Terraform attributes and outputs
// and for Kubernetes ConfigMap keys alike: `master_password`, `clientSecret`, `ACCESS_KEY`,
// `connection-string`, `api.key`. A name is read as words (split at `_`, `-`, `.`, spaces and
// camelCase humps), so `http_tokens` or `password_length` are not taken for secrets.

/** Words that make a name secret on their own. */
const SECRET_WORDS: ReadonlySet<string> = new Set([
  'password',
  'passwd',
  'pwd',
  'secret',
  'token',
  'credential',
  'credentials',
  'apikey',
  'kubeconfig',
  'passphrase',
]);

/** Pairs of adjacent words that make a name secret: `private_key`, `connection_string`. */
const SECRET_PAIRS: readonly (readonly [string, string])[] = [
  ['private', 'key'],
  ['api', 'key'],
  ['access', 'key'],
  ['secret', 'key'],
  ['client', 'key'],
  ['connection', 'string'],
  ['user', 'data'],
  ['kube', 'config'],
];

/** Glued spellings that hold a secret word: `dbpassword`, `clientsecret`. */
const SECRET_INSIDE = /password|passwd|secret|credential/;

/** Last words that make a name an identifier or a setting, never a secret value. */
const SETTING_WORDS: ReadonlySet<string> = new Set([
  'arn',
  'arns',
  'id',
  'ids',
  'name',
  'names',
  'type',
  'length',
  'required',
  'enabled',
  'version',
  'ttl',
]);

/** Names matching the words above that are known not to hold a secret. */
const NOT_SECRET: ReadonlySet<string> = new Set(['creation_token', 'user_data_replace_on_change']);

/** A name as lower-case words: `dbPassword-v2` -> `db`, `password`, `v2`. */
export function nameWords(name: string): readonly string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** True when a value stored under this name (an attribute, an output, a map key) is a secret. */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0 || NOT_SECRET.has(words.join('_'))) return false;
  if (SETTING_WORDS.has(words[words.length - 1] as string)) return false;
  if (words.some((word) => SECRET_WORDS.has(word) || SECRET_INSIDE.test(word))) return true;
  return SECRET_PAIRS.some(([first, second]) =>
    words.some((word, i) => word === first && words[i + 1] === second),
  );
}
