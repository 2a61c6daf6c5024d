/**
 * A large generated world for the compile benchmark: accounts of 500 principals (users and
 * roles alternating) with one customer managed policy each.
 */
import type { ScenarioJson } from '../engine/scenario/types';

export function bigWorld(principals: number, policies: number): ScenarioJson {
  const perAccount = 500;
  const accounts = [];
  for (let a = 0; a * perAccount < principals; a++) {
    const id = String(300000000000 + a);
    const users = [];
    const roles = [];
    const pols = [];
    for (let i = 0; i < perAccount && a * perAccount + i < principals; i++) {
      if (i % 2 === 0) users.push({ name: `user${i}`, managedPolicies: [`P${i}`], groups: ['g'], inlinePolicies: { Own: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::b${i}/*` }] } } });
      else roles.push({ name: `role${i}`, managedPolicies: [`P${i}`], trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${id}:root` }, Action: 'sts:AssumeRole' }] } });
    }
    for (let i = 0; i < perAccount && a * perAccount + i < policies; i++) {
      pols.push({ name: `P${i}`, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:List*', `ec2:Describe*`], Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': `t${i % 7}` } } }] } });
    }
    accounts.push({ id, users, roles, policies: pols, groups: [{ name: 'g', inlinePolicies: { G: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] } } }] });
  }
  return { format: 'iam-playground/scenario', version: 1, accounts };
}
