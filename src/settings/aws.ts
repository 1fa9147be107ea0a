/** The `aws` section: region, the role to assume with the job's OIDC token, and its session. */
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { dualStackSupported, partitionOf } from './registry-host.js'
import { getInput, parseBoolean, parseInteger } from './input.js'
import type { Env, Settings } from './types.js'

export const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/
export const REGION = /^[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}$/
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/

export function readAws(env: Env, needed: boolean): Settings['aws'] {
  const region = getInput(env, Input.AwsRegion) || env.AWS_REGION || env.AWS_DEFAULT_REGION || ''
  if (region === '' && needed) {
    throw new InputError(Input.AwsRegion, 'no region: set aws-region (e.g. us-east-1) or AWS_REGION in the job.')
  }
  if (region !== '' && !REGION.test(region)) {
    throw new InputError(Input.AwsRegion, `'${region}' is not an AWS region code: use one like us-east-1 or ap-northeast-2.`)
  }
  const roleToAssume = getInput(env, Input.RoleToAssume)
  if (roleToAssume !== '' && !ROLE_ARN.test(roleToAssume)) {
    throw new InputError(Input.RoleToAssume, `'${roleToAssume}' is not an IAM role ARN: use arn:aws:iam::<12-digit account>:role/<name>.`)
  }
  const roleSessionName = getInput(env, Input.RoleSessionName) || 'GitHubActions'
  if (!SESSION_NAME.test(roleSessionName)) {
    throw new InputError(Input.RoleSessionName, `'${roleSessionName}' is not a session name STS accepts: use 2–64 of letters, digits and + = , . @ _ -.`)
  }
  const audience = getInput(env, Input.Audience) || 'sts.amazonaws.com'
  const aws: Settings['aws'] = {
    region,
    audience,
    roleSessionName,
    roleDurationSeconds: parseInteger(Input.RoleDurationSeconds, getInput(env, Input.RoleDurationSeconds), { min: 900, max: 43200 }) ?? 3600,
    exportCredentials: parseBoolean(Input.ExportCredentials, getInput(env, Input.ExportCredentials), false),
    dualStack: readDualStack(env, region)
  }
  if (roleToAssume !== '') aws.roleToAssume = roleToAssume
  return aws
}

/**
 * `dual-stack`, by default the SDK's own AWS_USE_DUALSTACK_ENDPOINT: ECR's IPv4-and-IPv6
 * names, for runners on IPv6-only networks. Refused in a partition where ECR has none.
 */
function readDualStack(env: Env, region: string): boolean {
  const fallback = (env.AWS_USE_DUALSTACK_ENDPOINT ?? '').trim().toLowerCase() === 'true'
  const dualStack = parseBoolean(Input.DualStack, getInput(env, Input.DualStack), fallback)
  if (dualStack && region !== '' && !dualStackSupported(region)) {
    const from = getInput(env, Input.DualStack) !== '' ? 'dual-stack: true' : 'AWS_USE_DUALSTACK_ENDPOINT=true'
    throw new InputError(Input.DualStack, `${from}, but ECR has no dual-stack endpoints in ${region} (partition ${partitionOf(region)}): set dual-stack: false.`)
  }
  return dualStack
}
