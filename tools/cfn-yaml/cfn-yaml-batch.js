// Reads template paths (one per line) on stdin; writes one JSON line per template: {"file", "root"} or
// {"file", "error"}. YAML goes through js-yaml's FAILSAFE schema (every scalar stays the text it was written as)
// extended with CloudFormation's short-form tags, each turned into its long form ({"Fn::GetAtt": ...}); a text
// whose first visible character is a brace or bracket is JSON, as preflight decides. Used by
// CloudFormationDifferentialTest; written for this project.
'use strict';
const fs = require('fs');
const yaml = require('js-yaml');

const FUNCTIONS = ['Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'FindInMap', 'GetAZs',
  'ImportValue', 'Base64', 'Cidr', 'Equals', 'And', 'Or', 'Not', 'Transform', 'Contains', 'EachMemberEquals',
  'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll', 'Length', 'ToJsonString', 'GetStackOutput'];

const types = [];
for (const name of FUNCTIONS) {
  const longName = name === 'Ref' || name === 'Condition' ? name : 'Fn::' + name;
  for (const kind of ['scalar', 'sequence', 'mapping']) {
    types.push(new yaml.Type('!' + name, {
      kind,
      construct: (data) => ({ [longName]: data === null ? '' : data }),
    }));
  }
}
// any other local tag (AWS Rain's !Rain::Embed, a typo such as !GetAtts) is kept as {"!invalid": tag}, as preflight
// keeps it as an unread node, so that the rest of the template is still compared
for (const kind of ['scalar', 'sequence', 'mapping']) {
  types.push(new yaml.Type('!', { kind, multi: true, construct: (data, tag) => ({ '!invalid': tag }) }));
}
const schema = yaml.FAILSAFE_SCHEMA.extend(types);

function read(text) {
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    return JSON.parse(text);
  }
  // the first document only, as preflight reads it; later keys of a duplicated key win, as in preflight
  const docs = yaml.loadAll(text, null, { schema, json: true });
  return docs.length ? docs[0] : null;
}

const files = fs.readFileSync(0, 'utf8').split('\n').filter((l) => l.length > 0);
const out = [];
for (const file of files) {
  try {
    out.push(JSON.stringify({ file, root: read(fs.readFileSync(file, 'utf8')) }));
  } catch (e) {
    out.push(JSON.stringify({ file, error: String(e.message).split('\n')[0] }));
  }
}
process.stdout.write(out.join('\n') + '\n');
