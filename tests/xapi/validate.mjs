// Checks xAPI statements with an independent validator
// (@learninglocker/xapi-validation, not our own code).
//
//   node tests/xapi/validate.mjs FILE.json [VERB_IRI ...]
//
// FILE.json is an array of statements (`qunxue xapi export` output). Every
// statement must validate, and every VERB_IRI given must occur at least once,
// so the caller can require that each statement kind was checked.
// Prints one summary line; exits 1 on any problem.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const validate = require('@learninglocker/xapi-validation').default;

const [file, ...requiredVerbs] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/xapi/validate.mjs FILE.json [VERB_IRI ...]');
  process.exit(2);
}
const statements = JSON.parse(readFileSync(file, 'utf8'));
if (!Array.isArray(statements) || statements.length === 0) {
  console.error(`${file}: expected a non-empty JSON array of statements`);
  process.exit(1);
}

let problems = 0;
const verbs = new Map();
statements.forEach((statement, index) => {
  const verb = statement?.verb?.id ?? '(no verb)';
  verbs.set(verb, (verbs.get(verb) ?? 0) + 1);
  for (const warning of validate(statement)) {
    problems += 1;
    const value = JSON.stringify(warning.data);
    console.error(`${file}: statement ${index} (${verb}): ${warning.path.join('.')}: ${warning.name} ${value ?? ''}`);
  }
});
const missing = requiredVerbs.filter((verb) => !verbs.has(verb));
for (const verb of missing) {
  console.error(`${file}: no statement with verb ${verb} was produced, so it was not validated`);
}
const counts = [...verbs].map(([verb, n]) => `${verb.split('/').pop()}=${n}`).join(' ');
console.log(`validated ${statements.length} statements (${counts}); ${problems} problems`);
process.exit(problems > 0 || missing.length > 0 ? 1 : 0);
