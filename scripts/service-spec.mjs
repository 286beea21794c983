// The CloudFormation specification that dist/resource-differ.js (`@aws-cdk/cloudformation-diff`) reads, reduced at
// build time to what the library's `fullDiff` reads from it, and the esbuild plugin that makes the bundles read it
// from beside themselves. Used by scripts/build.mjs and by the tests that check the reduction changes no diff.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync, gzipSync, constants } from 'node:zlib';

/** The full database the package ships (node_modules/@aws-cdk/aws-service-spec/db.json.gz). */
export const FULL_SERVICE_SPEC = createRequire(import.meta.url).resolve('@aws-cdk/aws-service-spec/db.json.gz');

/**
 * The database (`{ idCtr, schema }`, tskb's saved form) reduced to the resource entities with what `fullDiff` reads
 * through `loadResourceModel` (cloudformation-diff/lib/diff): each resource's `cloudFormationType` (its index), its
 * `scrutinizable` (IAM and security group changes), and for each of its properties, by name (a property missing from
 * the model changes nothing), `causesReplacement` (the change's impact) and `scrutinizable`. Documentation, types,
 * attributes, services, regions, metrics, events and relationships are dropped: the library's loader accepts a
 * database without them (a collection missing from the file stays empty).
 */
export function reduceServiceSpec(full) {
  const resources = full?.schema?.resource?.entities;
  if (!Array.isArray(resources) || resources.length === 0) throw new Error('service spec: no resource entities (has the database format changed?)');
  const entities = resources.map((resource) => {
    if (typeof resource.cloudFormationType !== 'string' || typeof resource.properties !== 'object') {
      throw new Error(`service spec: resource ${JSON.stringify(resource.$id)} has no cloudFormationType or properties (has the database format changed?)`);
    }
    const properties = {};
    for (const [name, property] of Object.entries(resource.properties)) {
      const kept = {};
      if (property.causesReplacement !== undefined) kept.causesReplacement = property.causesReplacement;
      if (property.scrutinizable !== undefined) kept.scrutinizable = property.scrutinizable;
      properties[name] = kept;
    }
    const entity = { $id: resource.$id, cloudFormationType: resource.cloudFormationType, properties };
    if (resource.scrutinizable !== undefined) entity.scrutinizable = resource.scrutinizable;
    return entity;
  });
  return { idCtr: full.idCtr, schema: { resource: { type: 'entities', entities } } };
}

/** The reduced database, gzipped as the library's loader reads it, from the gzipped full one. */
export function reducedServiceSpecGz(fullGz = readFileSync(FULL_SERVICE_SPEC)) {
  const reduced = reduceServiceSpec(JSON.parse(gunzipSync(fullGz).toString('utf8')));
  return gzipSync(JSON.stringify(reduced), { level: constants.Z_BEST_COMPRESSION });
}

/**
 * `@aws-cdk/aws-service-spec` reads its database from `<its lib>/../db.json.gz`; in the bundle it sits beside the
 * bundle instead. Fails the build if the library changes the line.
 */
export const serviceSpecBeside = {
  name: 'service-spec-beside-bundle',
  setup(build) {
    build.onLoad({ filter: /@aws-cdk[\\/]aws-service-spec[\\/]lib[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const line = "path.join(__dirname, '..', DB_COMPRESSED)";
      if (!source.includes(line)) throw new Error(`${args.path}: the database path line changed; update scripts/service-spec.mjs`);
      return { contents: source.replace(line, 'path.join(__dirname, DB_COMPRESSED)'), loader: 'js' };
    });
  },
};
