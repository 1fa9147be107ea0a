/**
 * The AWS SDK clients, created once per run with the region, the signed-in credentials
 * and the action's user agent. Endpoints follow the SDK's own configuration
 * (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_ECR, AWS_ENDPOINT_URL_STS).
 */
import { ECRClient } from '@aws-sdk/client-ecr'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { USER_AGENT } from './constants.js'

export interface AwsSession {
  region: string
  /** Undefined: the SDK's default chain (environment, profile, instance role). */
  credentials?: AwsCredentialIdentity
}

export function sdkConfig(session: AwsSession): {
  region: string
  customUserAgent: string
  credentials?: AwsCredentialIdentity
} {
  return {
    region: session.region,
    customUserAgent: USER_AGENT,
    ...(session.credentials ? { credentials: session.credentials } : {})
  }
}

export function createEcrClient(session: AwsSession): ECRClient {
  return new ECRClient(sdkConfig(session))
}
