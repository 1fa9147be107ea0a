export const id = 753;
export const ids = [753];
export const modules = {

/***/ 3753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startEarlyBuild: () => (/* binding */ startEarlyBuild)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/docker-config.ts
var docker_config = __webpack_require__(7706);
;// CONCATENATED MODULE: ./src/build-gate.ts
/**
 * The credential gate, which lets buildx start before the registry is ready. The build's
 * docker runs with a config folder of its own: the job's config.json with one credential
 * helper for the registry, and every other entry of the job's folder (builders, contexts,
 * plugins) linked in. The helper answers buildx's first request for the registry's
 * credentials once the action opens the gate — after the repository is reconciled and the
 * version known to need building — and until then buildx waits there: its own start, the
 * build context and base images from other registries are done meanwhile. The job's own
 * docker config is never changed by it.
 */





/** The helper's name: docker runs `docker-credential-<name>` for the hosts `credHelpers` gives it. */
const GATE_HELPER = 'ecr-build-push';
/** The build's config.json: the job's, with the gate's helper answering for the registry. */
function gateConfig(config, registry) {
    return { ...config, credHelpers: { ...config.credHelpers, [registry]: GATE_HELPER } };
}
/**
 * The helper, in the credential helper protocol (`get` with the host on stdin prints
 * `{ServerURL, Username, Secret}`): `get` waits for the credentials file beside its folder
 * and prints it; it gives up — "credentials not found", as a helper without them says —
 * when the gate is closed or removed, or the action's process `pid` is gone. It keeps
 * nothing: `store` and `erase` do nothing, `list` lists nothing.
 */
function gateHelperScript(pid) {
    return [
        '#!/bin/sh',
        '# ecr-build-push: hands buildx the registry credentials once the action has them.',
        'gate=$(dirname "$0")/..',
        'cat >/dev/null',
        'case "$1" in',
        '  get) ;;',
        "  list) echo '{}'; exit 0 ;;",
        '  *) exit 0 ;;',
        'esac',
        'while [ ! -f "$gate/credentials" ]; do',
        `  if [ -f "$gate/closed" ] || [ ! -d "$gate/bin" ] || ! kill -0 ${pid} 2>/dev/null; then`,
        "    echo 'credentials not found in native keychain'",
        '    exit 1',
        '  fi',
        '  sleep 0.01',
        'done',
        'cat "$gate/credentials"',
        ''
    ].join('\n');
}
/**
 * Makes the gate's folder under `tempDir`: `docker/` (the build's DOCKER_CONFIG), `bin/`
 * (the helper), later `credentials`. Undefined — the build then runs as it would without
 * a gate, after the login — when the job's config.json can't be read as JSON, or the
 * folder can't be made or can't run the helper.
 */
async function createGate(registry, { tempDir, configDir, env = process.env }) {
    const config = await (0,docker_config/* readDockerConfig */.TO)(configDir);
    if (config === undefined)
        return undefined;
    let dir;
    try {
        // A dozen small local file operations, made at once (not one event-loop turn each):
        // the build starts as soon as they are done.
        dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(tempDir, 'ecr-build-push-gate-'));
        const home = external_node_path_default().join(dir, 'docker');
        const bin = external_node_path_default().join(dir, 'bin');
        (0,external_node_fs_.mkdirSync)(home, { mode: 0o700 });
        (0,external_node_fs_.mkdirSync)(bin, { mode: 0o700 });
        // The job's folder, linked entry by entry: builders, contexts and plugins stay the
        // job's, and what buildx records there (builds, builder state) lands in the job's.
        (0,external_node_fs_.mkdirSync)(configDir, { recursive: true, mode: 0o700 });
        for (const entry of (0,external_node_fs_.readdirSync)(configDir)) {
            if (entry !== 'config.json')
                (0,external_node_fs_.symlinkSync)(external_node_path_default().join(configDir, entry), external_node_path_default().join(home, entry));
        }
        (0,external_node_fs_.writeFileSync)(external_node_path_default().join(home, 'config.json'), JSON.stringify(gateConfig(config, registry)), { mode: 0o600 });
        const helper = external_node_path_default().join(bin, `docker-credential-${GATE_HELPER}`);
        (0,external_node_fs_.writeFileSync)(helper, gateHelperScript(process.pid), { mode: 0o700 });
        // A temporary folder mounted noexec can't run the helper: no gate then.
        (0,external_node_fs_.accessSync)(helper, external_node_fs_.constants.X_OK);
        const gate = dir;
        const deny = () => (0,promises_.writeFile)(external_node_path_default().join(gate, 'closed'), '').catch(() => undefined);
        return {
            env: {
                DOCKER_CONFIG: home,
                BUILDX_CONFIG: env.BUILDX_CONFIG || external_node_path_default().join(configDir, 'buildx'),
                PATH: [bin, env.PATH].filter(Boolean).join((external_node_path_default()).delimiter)
            },
            open: async ({ registry: host, username, password }) => {
                const next = external_node_path_default().join(gate, 'credentials.next');
                await (0,promises_.writeFile)(next, JSON.stringify({ ServerURL: host, Username: username, Secret: password }), { mode: 0o600 });
                await (0,promises_.rename)(next, external_node_path_default().join(gate, 'credentials'));
            },
            deny,
            close: async () => {
                await deny();
                // Links are removed, never followed: the job's folder stays as it is.
                await (0,promises_.rm)(gate, { recursive: true, force: true });
            }
        };
    }
    catch {
        if (dir !== undefined)
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        return undefined;
    }
}
/** The folder the gate goes in: the runner's temporary folder, else the system's. */
function gateTempDir(env = process.env) {
    return env.RUNNER_TEMP || external_node_os_default().tmpdir();
}

// EXTERNAL MODULE: ./src/build.ts
var src_build = __webpack_require__(4323);
// EXTERNAL MODULE: ./src/build-plan.ts
var build_plan = __webpack_require__(5147);
;// CONCATENATED MODULE: ./src/early-build.ts
/**
 * The build, started as soon as the registry it pushes to is known — from the role's ARN
 * before any AWS call, else from ECR's authorization token — instead of after the
 * repository stage. buildx starts, reads the context and resolves what needs no
 * credentials while the action signs in, reconciles the repository and looks up the
 * version; its first use of the registry waits at the credential gate (build-gate.ts).
 * The push stage releases it; when the run builds nothing after all (the version exists,
 * an earlier stage failed) or the repository is not where it was foreseen, it is
 * interrupted, and nothing of it reaches the registry or the log.
 */




/**
 * Undefined when the run can't start early: see startsEarly; also off Linux, and when the
 * gate can't be made. `processes`: how the build's processes are found (tests).
 */
async function startEarlyBuild(settings, { env, docker }, registry, processes) {
    if (!(0,build_plan/* startsEarly */.xx)(settings) || process.platform !== 'linux')
        return undefined;
    const configDir = (0,docker_config/* dockerConfigDir */.kG)(env);
    const gate = await createGate(registry, { tempDir: gateTempDir(env), configDir, env });
    if (gate === undefined)
        return undefined;
    const { build, image, repository } = settings;
    const repositoryUri = `${registry}/${repository.name}`;
    let released = false;
    let release;
    let drop;
    const output = new Promise((resolve, reject) => {
        release = resolve;
        drop = reject;
    });
    output.catch(() => undefined);
    const startedAt = performance.now();
    let started;
    try {
        started = await (0,src_build.startBuild)(docker, build, (0,build_plan/* imageReferences */.Ef)(repositoryUri, (0,build_plan/* tagRoutes */.ZS)(build, image).buildx), (0,build_plan/* labelsFor */.dS)(env, image.version), {
            tempDir: env.RUNNER_TEMP,
            repositoryUri,
            env: gate.env,
            holdOutput: output,
            configDir,
            ...(processes ? { processes } : {})
        });
    }
    catch {
        await gate.close();
        return undefined;
    }
    // Returned once docker runs: what loads next (the SDK) holds the event loop for a while.
    await started.running();
    let disposed;
    return {
        repositoryUri,
        startedAt,
        release: async (credentials) => {
            await gate.open(credentials);
            released = true;
            release();
            return started;
        },
        dispose: () => (disposed ??= (async () => {
            drop(new Error('the build was not used'));
            // Unreleased, buildx may be waiting at the gate: refused first, it can stop.
            if (!released)
                await gate.deny();
            await started.cancel();
            await gate.close();
        })())
    };
}


/***/ })

};
