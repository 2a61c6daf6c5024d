import { latestManagedPolicies } from './engine/data/nodeManagedPolicies';
const recs = latestManagedPolicies();
for (const name of ['AWSApplicationMigrationFSxProxyVPCPolicy', 'AWSBackupServiceRolePolicyForBackup', 'AWSGlueConsoleSageMakerNotebookFullAccess', 'AWSCodeBuildAdminAccess']) {
  const r = recs.find((x) => x.name === name)!;
  const txt = JSON.stringify(r.document);
  console.log(name, txt.length);
  for (const st of (r.document as any).Statement) {
    const s = JSON.stringify(st);
    if (/elasticloadbalancing:CreateLoadBalancer|rds:DeleteDBSnapshot|StringEquals|logs:DeleteLogGroup/.test(s)) console.log('  ', s.slice(0, 700));
  }
}
