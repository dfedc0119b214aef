// check-tag.ts — a release tag must name the version being built: `v` + package.json's version, a
// semantic version, with its own section in CHANGELOG.md. Run by release.yml before anything is
// built (a mistyped tag would otherwise publish installers that call themselves something else, and
// electron-updater compares those versions).
//   node scripts/release/check-tag.ts v0.2.0
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Semantic Versioning 2.0.0's own pattern (no leading zeros; pre-release and build parts allowed). */
export const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function tagProblems(tag: string, version: string, changelog: string): string[] {
  const problems: string[] = [];
  if (!SEMVER.test(version)) problems.push(`package.json's version "${version}" is not a semantic version`);
  if (tag !== `v${version}`) problems.push(`the tag "${tag}" is not v${version} (package.json's version): bump the version or fix the tag`);
  const heading = new RegExp(`^## \\[${version.replace(/[.+]/g, '\\$&')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm');
  if (!heading.test(changelog)) problems.push(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section`);
  return problems;
}

if (import.meta.main) {
  const root = join(import.meta.dirname, '../..');
  const tag = process.argv[2] ?? '';
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const problems = tagProblems(tag, version, readFileSync(join(root, 'CHANGELOG.md'), 'utf8'));
  for (const p of problems) console.error(`check-tag: ${p}`);
  if (problems.length === 0) console.log(`check-tag: ${tag} = package.json ${version}, in CHANGELOG.md`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
