import { eq } from 'drizzle-orm';
import { it } from 'vitest';
import { hashPassword } from '../accounts/secrets.js';
import { createAccount } from '../accounts/staff.js';
import { users } from '../db/schema.js';
import { DEMO, testApp } from '../test-support/app.js';
it('probe', async () => {
  const t = await testApp();
  const admin = await t.as(DEMO.admin);
  const coord = await t.as(DEMO.coordinator);
  const orgId = (await t.database.db.select({ id: users.organisationId }).from(users).limit(1))[0]!.id;
  const centres = (await admin.get('/api/admin/centres')).json().items;
  const riverside = centres.find((c: {name:string}) => c.name.startsWith('Riverside')).id;
  await t.database.db.transaction(async (tx) => {
    const id = await createAccount(tx, { organisationId: orgId, email: 'r@example.org', displayName: 'R', passwordHash: await hashPassword('x'), roles: [{ centreId: riverside, role: 'referrer' }] });
    await tx.update(users).set({ totpSecret: 'TESTREFERRERAAAAAAAAAAAAAAAAAAAA', totpEnabledAt: new Date() }).where(eq(users.id, id));
  });
  const r = await admin.get('/api/admin/users');
  console.log(r.statusCode, r.body.slice(0, 300));
  const r2 = await coord.get('/api/admin/users');
  console.log(r2.statusCode, r2.body.slice(0, 300));
  await t.close();
});
