/** The hint for a push the registry refused: the IAM actions to grant. */
import { describe, expect, test } from '@jest/globals'
import { pushRefusedHint } from '../../../src/registry/push-actions.js'

describe('pushRefusedHint', () => {
  test('ECR: the ecr: push actions', () => {
    expect(pushRefusedHint('123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:1')).toBe(
      'the role needs ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload and ecr:PutImage on the repository.'
    )
  })

  test('ECR Public: the ecr-public: push actions', () => {
    expect(pushRefusedHint('public.ecr.aws/acme/web:1')).toContain('ecr-public:PutImage on the repository.')
    expect(pushRefusedHint('public.ecr.aws/acme/web:1')).not.toMatch(/\becr:/)
  })
})
