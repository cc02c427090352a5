/**
 * npm run audit:verify — walks the whole audit chain and reports the first broken link.
 * Exit code 0: intact; 1: broken (an edited, deleted or reordered row); 2: could not run.
 */
import { readConfig } from '../config.js';
import { verifyAuditChain } from '../audit/service.js';
import { openDatabase } from '../platform/database.js';

const PROBLEMS = {
  hash_mismatch: 'its contents do not match its hash (the row was changed)',
  link_mismatch: 'it does not follow from the row before it (a row before it was removed or changed)',
  order: 'it is out of order',
} as const;

async function main(): Promise<number> {
  const config = readConfig();
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const report = await verifyAuditChain(database.db);
    if (!report.firstBreak) {
      console.log(`Audit trail intact: ${report.checked} events checked.`);
      return 0;
    }
    const { seq, problem } = report.firstBreak;
    console.log(
      `Audit trail BROKEN at event ${seq}: ${PROBLEMS[problem]}. ${report.checked} events before it are intact.`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Could not check the audit trail:', error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
