/**
 * The environment a docker process gets: what docker, the buildx plugin and a credential
 * helper read, and nothing else of the step's. An allow-list, not a deny-list: the step's
 * environment holds the raw inputs (`INPUT_*`, the build secrets among them), the runner's
 * tokens (`ACTIONS_*`, `GITHUB_TOKEN`), AWS credentials (the job's own, and the action's with
 * `export-credentials`) and whatever else the workflow sets; none of it is docker's business,
 * and a variable a child can read is one a `--build-arg NAME` can bake into an image.
 */

/** Variables passed as they are (matched without regard to case, as Windows names them). */
// prettier-ignore
const NAMES = new Set([
  // the process itself
  'PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LANGUAGE', 'TZ', 'TMPDIR', 'TEMP', 'TMP', 'NO_COLOR', 'CI',
  'SOURCE_DATE_EPOCH',
  // proxies and certificates, for buildx's own connections (a remote builder, imagetools)
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'SSL_CERT_FILE', 'SSL_CERT_DIR',
  // reaching an engine or builder: DOCKER_HOST=ssh://…, kubernetes builders, WSL, sudo
  'SSH_AUTH_SOCK', 'KUBECONFIG', 'WSL_DISTRO_NAME', 'SUDO_UID', 'SUDO_GID', 'SUDO_USER', 'SUDO_COMMAND',
  // credential helpers (secretservice, pass) on self-hosted runners
  'DBUS_SESSION_BUS_ADDRESS', 'PASSWORD_STORE_DIR', 'GNUPGHOME',
  // the docker CLI's own (docs.docker.com: "Use the Docker command line")
  'DOCKER_API_VERSION', 'DOCKER_AUTH_CONFIG', 'DOCKER_BUILDKIT', 'DOCKER_CERT_PATH', 'DOCKER_CONFIG',
  'DOCKER_CONTENT_TRUST', 'DOCKER_CONTENT_TRUST_SERVER', 'DOCKER_CONTEXT', 'DOCKER_CUSTOM_HEADERS',
  'DOCKER_DEFAULT_PLATFORM', 'DOCKER_HIDE_LEGACY_COMMANDS', 'DOCKER_HOST', 'DOCKER_TLS', 'DOCKER_TLS_VERIFY',
  // what buildx records of the run in provenance (util/ghutil), none of them secret
  'GITHUB_ACTIONS', 'GITHUB_ACTOR', 'GITHUB_ACTOR_ID', 'GITHUB_TRIGGERING_ACTOR', 'GITHUB_EVENT_NAME',
  'GITHUB_EVENT_PATH', 'GITHUB_REF', 'GITHUB_REF_NAME', 'GITHUB_REF_PROTECTED', 'GITHUB_REF_TYPE',
  'GITHUB_REPOSITORY', 'GITHUB_REPOSITORY_ID', 'GITHUB_REPOSITORY_OWNER', 'GITHUB_REPOSITORY_OWNER_ID', 'GITHUB_JOB',
  'GITHUB_RUN_ATTEMPT', 'GITHUB_RUN_ID', 'GITHUB_RUN_NUMBER', 'GITHUB_SERVER_URL', 'GITHUB_WORKFLOW',
  'GITHUB_WORKFLOW_REF', 'GITHUB_WORKFLOW_SHA', 'GITHUB_SHA', 'GITHUB_WORKSPACE', 'GITHUB_API_URL',
  'GITHUB_BASE_REF', 'GITHUB_HEAD_REF', 'RUNNER_OS', 'RUNNER_ARCH', 'RUNNER_NAME', 'RUNNER_ENVIRONMENT',
  'RUNNER_TRACKING_ID', 'RUNNER_TEMP', 'RUNNER_TOOL_CACHE', 'RUNNER_WORKSPACE', 'RUNNER_DEBUG', 'IMAGEOS',
  'IMAGEVERSION',
  // Windows
  'SYSTEMROOT', 'SYSTEMDRIVE', 'COMSPEC', 'PATHEXT', 'WINDIR', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA',
  'PROGRAMDATA', 'PROGRAMFILES', 'USERNAME'
])

/** Families passed whole: locale, XDG folders, buildx's and BuildKit's settings, the docker CLI's. */
const PREFIXES = ['LC_', 'XDG_', 'BUILDX_', 'BUILDKIT_', 'DOCKER_CLI_']

/**
 * What buildx's `type=gha` cache reads from its environment (build/opt.go addGithubToken):
 * given to the build only when its cache is GitHub's.
 */
export const GHA_CACHE_VARIABLES = ['ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_SERVICE_V2']

/** Whether a docker process gets this variable of the step's environment. */
export function passedToDocker(name: string): boolean {
  const upper = name.toUpperCase()
  return NAMES.has(upper) || PREFIXES.some(p => upper.startsWith(p))
}

/**
 * A docker process's environment: the allowed variables of `parent`, the ones named in
 * `inherit` (e.g. GHA_CACHE_VARIABLES), then `extra` (a build's argument and secret values).
 */
export function childEnv(parent: Record<string, string | undefined>, inherit: readonly string[] = [], extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined && (passedToDocker(name) || inherit.includes(name))) env[name] = value
  }
  return { ...env, ...extra }
}
