// `npm run schema`: writes the JSON Schema of the phuluc.plan/1 contract to
// docs/plan.schema.json from its one definition (src/core/plan/schema.ts, built into lib/ by
// `npm run build:cli`). test/core/plan-schema.test.ts fails when the file is stale.
const { writeFileSync } = require('fs');
const { join } = require('path');
const prettier = require('prettier');
const { planJsonSchema, PLAN_JSON_SCHEMA_FILE } = require('../lib/core/plan/schema');

async function main() {
  const file = join(__dirname, '..', PLAN_JSON_SCHEMA_FILE);
  const options = (await prettier.resolveConfig(file)) ?? {};
  const text = await prettier.format(JSON.stringify(planJsonSchema()), {
    ...options,
    filepath: file,
  });
  writeFileSync(file, text);
  console.log(`wrote ${PLAN_JSON_SCHEMA_FILE}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
