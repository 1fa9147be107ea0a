// What every benchmark starts from: the local stack up, its endpoints, a docker config of
// the bench's own, and a workspace with a small two-platform image (static busybox).
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from '../scripts/local-runner.mjs'

/** Brings the stack up and returns its environment (AWS_ENDPOINT_URL, ECR_REGISTRY, …). */
export function upStack() {
  const stack = path.join(ROOT, 'scripts/local-stack.sh')
  execFileSync('bash', [stack, 'up'], { stdio: 'inherit' })
  return Object.fromEntries(
    execFileSync('bash', [stack, 'env'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
  )
}

export const tempDir = prefix => mkdtempSync(path.join(os.tmpdir(), prefix))

/** A build context with busybox for both platforms and a Dockerfile made of `lines`. */
export function busyboxWorkspace(env, lines = ['CMD ["/bin/busybox", "true"]']) {
  const dir = tempDir('bench-ws-')
  for (const arch of ['amd64', 'arm64']) copyFileSync(path.join(env.STACK_BUSYBOX_DIR, arch, 'busybox'), path.join(dir, `busybox-${arch}`))
  writeFileSync(path.join(dir, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'COPY busybox-${TARGETARCH} /bin/busybox', ...lines, ''].join('\n'))
  return dir
}

export const median = xs => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]
export const seconds = start => Number(process.hrtime.bigint() - start) / 1e9
