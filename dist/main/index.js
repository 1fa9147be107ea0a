import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/* unused reexport */ __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(9278);
var tls = __nccwpck_require__(4756);
var http = __nccwpck_require__(8611);
var https = __nccwpck_require__(5692);
var events = __nccwpck_require__(4434);
var assert = __nccwpck_require__(2613);
var util = __nccwpck_require__(9023);


__webpack_unused_export__ = httpOverHttp;
__webpack_unused_export__ = httpsOverHttp;
__webpack_unused_export__ = httpOverHttps;
__webpack_unused_export__ = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 8079:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cj: () => (/* binding */ startBuilderCheck),
/* harmony export */   IK: () => (/* binding */ inspectBuilder),
/* harmony export */   Lu: () => (/* binding */ toolFailure),
/* harmony export */   nG: () => (/* binding */ describeBuilder),
/* harmony export */   ub: () => (/* binding */ checkBuilder)
/* harmony export */ });
/* unused harmony export dockerFailure */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _docker_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3871);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1963);
/**
 * The builder check: the builder buildx will use can build every platform asked for, and
 * docker itself can run. It runs before anything is written to AWS, so a runner without
 * QEMU or buildx fails with the fix, not with a half-made repository.
 */



/** Docker itself can't run: missing, without buildx, or no daemon. One line with the fix. */
function toolFailure(result) {
    const text = `${result.stderr}\n${result.stdout}`;
    if (result.exitCode === 127 || /ENOENT|Unable to locate executable/i.test(text)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('docker is not installed on this runner: use a runner with Docker (e.g. ubuntu-latest).');
    }
    if (/is not a docker command|unknown command "buildx"|unknown flag: --platform/i.test(text)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('docker buildx is not installed: add docker/setup-buildx-action before this step.');
    }
    if (/Cannot connect to the Docker daemon|Is the docker daemon running|docker\.sock/i.test(text)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('the Docker daemon is not running: start it (or use a runner where it runs) before this step.');
    }
    return undefined;
}
function dockerFailure(what, result) {
    return toolFailure(result) ?? new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${what} failed: ${(0,_docker_js__WEBPACK_IMPORTED_MODULE_1__/* .lastLine */ .fM)(result)}`);
}
/**
 * A push's builder check, started: a merge builds nothing and only needs buildx. Its
 * failure is handled here so that it is no unhandled rejection while nothing awaits it yet;
 * the run awaits it where it needs the builder.
 */
function startBuilderCheck(docker, build) {
    const check = checkBuilder(docker, build.mergeDigests.length > 0 ? [] : build.platforms, build.builder);
    check.catch(() => undefined);
    return check;
}
/**
 * Checks the builder can build `platforms` (none: only that buildx runs, as for a merge).
 * @param name the `builder` input: a builder an earlier step created; undefined: the current one
 * @param load `load: true`: the image goes into the job's Docker engine, which holds several
 *   platforms of one image only with the containerd image store
 */
async function checkBuilder(docker, platforms, name, load = false) {
    // The image store matters only to the docker driver. Its builder's labels name BuildKit's
    // containerd worker when the engine has the containerd image store: one docker CLI start
    // then, not two; `docker info` is asked only when no label says so.
    const engineInfo = (use) => docker([...(use.context !== undefined ? ['--context', use.context] : []), 'info', '--format', '{{json .DriverStatus}}']);
    const builder = await inspectBuilder(docker, name, true);
    const { use } = builder;
    if (builder.driver === 'docker' && platforms.length > 1 && builder.containerdStore !== true) {
        const info = await engineInfo(use);
        if (info.exitCode !== 0)
            throw dockerFailure('docker info', info);
        if (!info.stdout.includes('io.containerd.snapshotter')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`the '${builder.name}' builder uses the docker driver without the containerd image store, which can't build several platforms at once: add docker/setup-buildx-action before this step (or turn on the containerd image store).`);
        }
    }
    // The docker driver's engine was checked above; another driver loads into the job's engine.
    if (load && builder.driver !== 'docker' && platforms.length > 1) {
        const info = await engineInfo({});
        if (info.exitCode !== 0)
            throw dockerFailure('docker info', info);
        if (!info.stdout.includes('io.containerd.snapshotter')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`load: true can't put ${platforms.length} platforms of one image into the job's Docker engine, whose image store holds one (the containerd image store holds several): set platforms to the one the job tests, or turn that store on.`);
        }
    }
    const missing = (0,_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .missingPlatforms */ .z3)(platforms, builder.platforms);
    if (missing.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`the '${builder.name}' builder can't build ${missing.join(', ')} (it has ${builder.platforms.join(', ') || 'no platforms'}): add docker/setup-qemu-action before this step, or build that platform on a runner of its own.`);
    }
    return builder;
}
/**
 * The builder as `docker buildx inspect` describes it, and how to reach it.
 * @param bootstrap start it if it isn't running (a dry run only looks)
 */
async function inspectBuilder(docker, name, bootstrap) {
    const result = await docker((0,_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .buildxCommand */ .I0)(name !== undefined ? { builder: name } : {}, ['inspect', ...(bootstrap ? ['--bootstrap'] : [])]));
    if (result.exitCode !== 0) {
        if (name === undefined || toolFailure(result) !== undefined)
            throw dockerFailure('docker buildx inspect', result);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`the builder '${name}' can't be used (${(0,_docker_js__WEBPACK_IMPORTED_MODULE_1__/* .lastLine */ .fM)(result)}): create it in an earlier step (docker buildx create --name ${name}, or docker/setup-buildx-action with name: ${name}), or leave builder empty for the job's current builder.`);
    }
    const builder = (0,_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBuilderInspect */ .H9)(result.stdout);
    return { ...builder, use: (0,_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .builderUse */ .zi)(name, builder.driver) };
}
/** The builder in words, for the summary: its name, driver, and the docker context buildx runs in. */
function describeBuilder(builder) {
    const via = builder.use.context !== undefined ? `, run as docker --context ${builder.use.context} buildx` : '';
    return `${builder.name} (${builder.driver || 'unknown'} driver${via})`;
}


/***/ }),

/***/ 4443:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E2: () => (/* binding */ mergedLabels),
/* harmony export */   Ow: () => (/* binding */ repositoryFacts),
/* harmony export */   UT: () => (/* binding */ annotationsForBuild),
/* harmony export */   gX: () => (/* binding */ annotationsFor)
/* harmony export */ });
/* unused harmony export annotationLevels */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _settings_annotations_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3619);
/**
 * The standard `org.opencontainers.image.*` metadata, as docker/metadata-action makes it:
 * labels on each image's config, and the same keys as OCI annotations on the image
 * manifests and, for a multi-platform image, on the index (what `docker buildx imagetools
 * inspect` and registries' consoles read). The workflow's own `labels` / `annotations` win.
 */


/** The event file is read only when it is no larger than this (GitHub's payloads are far smaller). */
const MAX_EVENT_BYTES = 25 * 1024 * 1024;
const oneLine = (value) => (typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : undefined);
/**
 * The GitHub repository's name, description, page and license from the event that started
 * the run (GITHUB_EVENT_PATH: its `repository`), no API call; what the event doesn't name
 * is left out (the name then comes from GITHUB_REPOSITORY).
 */
function repositoryFacts(env) {
    let repo = {};
    const file = env.GITHUB_EVENT_PATH;
    try {
        if (file !== undefined && file !== '' && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).size <= MAX_EVENT_BYTES) {
            const event = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
            if (typeof event.repository === 'object' && event.repository !== null)
                repo = event.repository;
        }
    }
    catch {
        // No readable event: the facts the runner's variables give.
    }
    const license = typeof repo.license === 'object' && repo.license !== null ? oneLine(repo.license.spdx_id) : undefined;
    const title = oneLine(repo.name) ?? oneLine(env.GITHUB_REPOSITORY?.split('/')[1]);
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const url = oneLine(repo.html_url) ?? (env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined);
    const description = oneLine(repo.description);
    return {
        ...(title !== undefined ? { title } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(url !== undefined ? { url } : {}),
        ...(license !== undefined && license !== 'NOASSERTION' ? { licenses: license } : {})
    };
}
const key = (item) => item.slice(0, item.indexOf('='));
/** The annotation levels the standard metadata goes on: the index only when there is one (several platforms, not pushed by digest). */
function annotationLevels(build) {
    return build.platforms.length > 1 && !build.pushByDigest ? ['index', 'manifest'] : ['manifest'];
}
/**
 * The annotations the build sets: each standard label's key and value at each level, then
 * the workflow's `annotations`, which replace a standard one of the same key and level.
 */
function annotationsFor(labels, stated, levels) {
    const statedKeys = new Set(stated.flatMap(a => {
        const { levels: at, key: k } = (0,_settings_annotations_js__WEBPACK_IMPORTED_MODULE_1__/* .levelsAndKey */ .Uu)(a);
        return at.map(l => `${l}:${k}`);
    }));
    const standard = levels.flatMap(level => labels.filter(l => !statedKeys.has(`${level}:${key(l)}`)).map(l => `${level}:${l}`));
    return [...standard, ...stated];
}
/** The labels the image carries: the action's, with the workflow's of the same key in their place. */
function mergedLabels(action, workflow) {
    const stated = new Set(workflow.map(key));
    return [...action.filter(l => !stated.has(key(l))), ...workflow];
}
/**
 * What a build sets: the standard annotations at its levels and the workflow's — a
 * push-by-digest job's image has no index, so its index ones are left to the merge.
 */
function annotationsForBuild(labels, build) {
    const stated = build.pushByDigest ? build.annotations.filter(a => !(0,_settings_annotations_js__WEBPACK_IMPORTED_MODULE_1__/* .onIndex */ .W2)(a)) : build.annotations;
    return annotationsFor(labels, stated, annotationLevels(build));
}


/***/ }),

/***/ 1963:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  zi: () => (/* binding */ builderUse),
  w$: () => (/* binding */ buildxArgs),
  I0: () => (/* binding */ buildxCommand),
  aW: () => (/* binding */ buildxEnv),
  gT: () => (/* binding */ buildxInherit),
  Mq: () => (/* binding */ cacheMode),
  Sx: () => (/* binding */ cacheOnlyArgs),
  Ef: () => (/* binding */ imageReferences),
  dS: () => (/* binding */ labelsFor),
  ST: () => (/* binding */ layoutDir),
  z3: () => (/* binding */ missingPlatforms),
  CH: () => (/* binding */ ownPushByDigest),
  H9: () => (/* binding */ parseBuilderInspect),
  ZS: () => (/* binding */ tagRoutes),
  H1: () => (/* binding */ withoutCacheExport)
});

// UNUSED EXPORTS: cacheArgs, ociLabels

// EXTERNAL MODULE: ./src/child-env.ts
var child_env = __nccwpck_require__(5387);
// EXTERNAL MODULE: ./src/build/metadata.ts
var metadata = __nccwpck_require__(4443);
;// CONCATENATED MODULE: ./src/build/pass-through.ts
/** `--build-context`, `--no-cache`, `--no-cache-filter`, `--pull`, `--ssh`, `--network`, `--shm-size`, `--ulimit`, `--add-host`, `--load`. */
function passThroughArgs(options) {
    if (options === undefined)
        return [];
    const args = [];
    for (const context of options.buildContexts)
        args.push('--build-context', context);
    if (options.noCache)
        args.push('--no-cache');
    for (const stage of options.noCacheFilters)
        args.push('--no-cache-filter', stage);
    if (options.pull)
        args.push('--pull');
    for (const ssh of options.ssh)
        args.push('--ssh', ssh);
    if (options.network !== undefined)
        args.push('--network', options.network);
    if (options.shmSize !== undefined)
        args.push('--shm-size', options.shmSize);
    for (const limit of options.ulimits)
        args.push('--ulimit', limit);
    for (const host of options.addHosts)
        args.push('--add-host', host);
    if (options.load)
        args.push('--load');
    return args;
}
/** Whether the build reads or writes GitHub's cache, whose URL and token buildx then needs in its environment. */
function usesGhaCache(build) {
    const overridden = [...(build.options?.cacheFrom ?? []), ...(build.options?.cacheTo ?? [])];
    const gha = (spec) => /(?:^|,)\s*type\s*=\s*gha\s*(?:,|$)/i.test(spec);
    if (overridden.some(gha))
        return true;
    // `cache: gha` whose reads or writes are not both replaced
    return build.cache.type === 'gha' && (build.options?.cacheFrom === undefined || build.options.cacheTo === undefined);
}

;// CONCATENATED MODULE: ./src/build/plan.ts
/**
 * Planning: the image references to push and the `docker buildx build` argv.
 * Pure: the same settings always give the same argv, an array that never passes through
 * a shell.
 */



/** `<repository>:<tag>` for every tag, the version first. */
function imageReferences(repository, tags) {
    return tags.map(tag => `${repository}:${tag}`);
}
/**
 * Which tags buildx pushes and which the registry API then puts on the same image: a push
 * sends the version only and the others (latest, tags) follow as one request each; a
 * build that isn't pushed, or is pushed by digest, gives buildx every tag.
 */
function tagRoutes(build, image) {
    if (!build.push || build.pushByDigest)
        return { buildx: image.tags, api: [] };
    return { buildx: [image.version], api: image.tags.filter(t => t !== image.version) };
}
/** OCI annotations-as-labels that tie the image to its commit; the workflow's own labels win. */
function ociLabels(version, run) {
    const labels = [`org.opencontainers.image.version=${version}`, `org.opencontainers.image.created=${run.created}`];
    if (run.sha !== '')
        labels.push(`org.opencontainers.image.revision=${run.sha}`);
    if (run.sourceUrl !== '')
        labels.push(`org.opencontainers.image.source=${run.sourceUrl}`);
    for (const key of ['title', 'description', 'url', 'licenses']) {
        const value = run[key];
        if (value !== undefined && value !== '')
            labels.push(`org.opencontainers.image.${key}=${value}`);
    }
    return labels;
}
/**
 * How much of the build a cache export keeps: `max` every stage's steps, `min` those of
 * the image. A single-stage Dockerfile's image holds every step's layer, so `min` keeps the
 * same layers — and BuildKit prepares it in about half the time (~0.6 s of every push of a
 * 21-layer image, docs/benchmarks.md). A Dockerfile with more stages, or one that can't be
 * read (a remote context), gets `max`.
 * @param dockerfile the Dockerfile's text, undefined when it couldn't be read
 */
function cacheMode(dockerfile) {
    if (dockerfile === undefined)
        return 'max';
    const instructions = dockerfile
        .replace(/\\\r?\n/g, ' ')
        .split(/\r?\n/)
        .filter(line => /^\s*FROM\s/i.test(line));
    return instructions.length === 1 ? 'min' : 'max';
}
/**
 * The `--cache-from` / `--cache-to` arguments: a registry cache is read from each of its
 * tags (another ref than the default branch: its own and the default branch's) and written
 * to one. ECR takes a registry cache only as an OCI image manifest
 * (`image-manifest=true,oci-mediatypes=true`); a failed cache export never fails the build.
 * A gha cache has a scope per image and platforms (cache-scope.ts ghaScope). The workflow's
 * `cache-from` / `cache-to` replace the reads / the writes of `cache`.
 * @param repositoryUri where an `ecr` cache lives; undefined when the run has no registry
 * @param mode cacheMode's answer for the build's Dockerfile
 */
function cacheArgs(cache, repositoryUri, overrides = {}, mode = 'max') {
    let from = [];
    let to = [];
    if (cache.type === 'gha') {
        const scope = cache.scope !== undefined ? `,scope=${cache.scope}` : '';
        from = [`type=gha${scope}`];
        to = [`type=gha${scope},mode=${mode},ignore-error=true`];
    }
    else if (cache.type === 'ecr' && repositoryUri !== undefined) {
        from = cache.from.map(tag => `type=registry,ref=${repositoryUri}:${tag}`);
        to = [`type=registry,ref=${repositoryUri}:${cache.tag},mode=${mode},image-manifest=true,oci-mediatypes=true,ignore-error=true`];
    }
    return [...(overrides.cacheFrom ?? from).flatMap(spec => ['--cache-from', spec]), ...(overrides.cacheTo ?? to).flatMap(spec => ['--cache-to', spec])];
}
/** How to reach the named builder, from its driver (`docker buildx inspect`). */
function builderUse(name, driver) {
    if (name === undefined)
        return {};
    return driver === 'docker' ? { builder: name, context: name } : { builder: name };
}
/** `[--context C] buildx <command…> [--builder B] <args…>`: the argv after `docker`. */
function buildxCommand(use, command, args = []) {
    return [...(use.context !== undefined ? ['--context', use.context] : []), 'buildx', ...command, ...(use.builder !== undefined ? ['--builder', use.builder] : []), ...args];
}
/**
 * Whether buildx pushes by digest itself (`type=image,push-by-digest=true`): every driver
 * but docker's, which refuses it ("not implemented for docker driver") and exports an OCI
 * layout the action pushes instead (registry/layout-push.ts).
 */
const ownPushByDigest = (driver) => driver !== 'docker';
/**
 * The build's argv. Values that may be secret never appear in it: a build argument is
 * passed by name (`--build-arg NAME`, which buildx reads from its environment) and a
 * secret by the variable that holds it (`--secret id=…,env=…`); `buildxEnv` gives both.
 */
function buildxArgs(build, references, labels, metadataFile, repositoryUri, use = {}, mode = 'max', driver = 'docker') {
    const args = ['--platform', build.platforms.join(',')];
    if (build.file !== '')
        args.push('--file', build.file);
    if (build.target !== undefined)
        args.push('--target', build.target);
    // By digest: buildx pushes it untagged itself where its driver can; on the docker driver
    // it exports an OCI layout beside the metadata file, which the action then pushes.
    if (build.pushByDigest && build.push && repositoryUri !== undefined && ownPushByDigest(driver)) {
        args.push('--output', `type=image,name=${repositoryUri},push-by-digest=true,name-canonical=true,push=true,oci-mediatypes=true`);
    }
    else if (build.pushByDigest) {
        args.push('--output', `type=oci,dest=${layoutDir(metadataFile)},tar=false`);
    }
    else {
        for (const ref of references)
            args.push('--tag', ref);
    }
    for (const label of [...labels, ...build.labels])
        args.push('--label', label);
    for (const annotation of build.annotations)
        args.push('--annotation', annotation);
    for (const name of new Set(build.buildArgs.map(argName)))
        args.push('--build-arg', name);
    for (const secret of build.secrets)
        args.push('--secret', `id=${secret.id},env=${secret.env}`);
    args.push(...cacheArgs(build.cache, repositoryUri, build.options, mode));
    args.push(...passThroughArgs(build.options));
    // No attestations inside the image index: they show up in ECR as unknown/unknown images,
    // which Lambda and SageMaker refuse. The action attaches provenance and SBOMs as referrers instead (supply/).
    args.push('--provenance=false', '--sbom=false');
    args.push('--metadata-file', metadataFile);
    if (build.push && !build.pushByDigest)
        args.push('--push');
    args.push(build.context);
    return buildxCommand(use, ['build'], args);
}
const argName = (arg) => arg.slice(0, arg.indexOf('='));
/** The variables the build's buildx gets on top of the step's: each build argument's value, each secret's. */
function buildxEnv(build) {
    const env = {};
    // As on buildx's command line, the last value of a repeated argument wins.
    for (const arg of build.buildArgs)
        env[argName(arg)] = arg.slice(arg.indexOf('=') + 1);
    for (const secret of build.secrets)
        env[secret.env] = secret.value;
    return env;
}
/** The runner's variables the build's buildx gets besides every docker command's: the gha cache's (its URL and token), for a gha cache only (`cache: gha`, or one in cache-from / cache-to). */
function buildxInherit(build) {
    return usesGhaCache(build) ? child_env/* GHA_CACHE_VARIABLES */.eZ : [];
}
/** The same build with no output but its cache export (`--output type=cacheonly`, no metadata file). */
function cacheOnlyArgs(args) {
    const out = [];
    for (let i = 0; i < args.length; i++) {
        if (args[i] === '--output' || args[i] === '--metadata-file') {
            if (args[i] === '--output')
                out.push('--output', 'type=cacheonly');
            i++;
        }
        else
            out.push(args[i] ?? '');
    }
    return out;
}
/** The build's argv without its cache export (`--cache-to`): for the layout build after a cache-only one exported the same cache. */
function withoutCacheExport(args) {
    return args.filter((a, i) => a !== '--cache-to' && args[i - 1] !== '--cache-to');
}
/** Where a push-by-digest build exports its OCI layout: beside its metadata file. */
function layoutDir(metadataFile) {
    return `${metadataFile.replace(/[^/]*$/, '')}oci-layout`;
}
/** The builder can build a requested platform when it lists it (buildx marks some with `*`). */
function missingPlatforms(requested, available) {
    const have = new Set(available.map(p => p.replace(/\*$/, '').trim()));
    return requested.filter(p => !have.has(p));
}
/** Reads `docker buildx inspect` output: the builder's name, driver and every node's platforms. */
function parseBuilderInspect(text) {
    const info = { name: '', driver: '', platforms: [] };
    for (const line of text.split('\n')) {
        if (/^org\.mobyproject\.buildkit\.worker\.containerd\.namespace:/.test(line.trim()))
            info.containerdStore = true;
        const m = /^([A-Za-z ]+):\s*(.*)$/.exec(line.trim());
        if (!m)
            continue;
        const [, key = '', value = ''] = m;
        if (key === 'Name' && info.name === '')
            info.name = value;
        else if (key === 'Driver' && info.driver === '')
            info.driver = value;
        else if (key === 'Platforms')
            info.platforms.push(...value
                .split(',')
                .map(p => p.trim())
                .filter(p => p !== ''));
    }
    return info;
}
/** The OCI labels for this run, from the runner's variables and the event's repository (metadata.ts). */
function labelsFor(env, version) {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    return ociLabels(version, {
        sha: env.GITHUB_SHA ?? '',
        sourceUrl: env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : '',
        created: new Date().toISOString(),
        ...(0,metadata/* repositoryFacts */.Ow)(env)
    });
}


/***/ }),

/***/ 833:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ cancelOnSignals)
/* harmony export */ });
/* unused harmony export CANCEL_GRACE_MS */
/* harmony import */ var _docker_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3871);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/**
 * The runner's cancel. When a job is cancelled the runner sends the step's process SIGINT,
 * SIGTERM 7.5 s later, and kills the process tree 2.5 s after that; the post step still
 * runs. On the first signal the run's AbortSignal aborts: the docker process running is
 * stopped (SIGINT to its process group, as Ctrl-C: buildx cancels the build in BuildKit),
 * no later stage, retry or tag starts, and main reports the cancel and exits non-zero.
 * Should the run not have ended a few seconds later (an AWS call that never answers), or
 * should a second signal come, every docker process left is killed and the step exits.
 */


/** How long the run has, after the first signal, to stop by itself: well before the runner's SIGTERM. */
const CANCEL_GRACE_MS = 5000;
/**
 * @param giveUp what happens when the run has not stopped in time: by default the docker
 *   processes are killed and the process exits with 1 (tests pass their own)
 */
function cancelOnSignals(giveUp = exitNow, graceMs = CANCEL_GRACE_MS) {
    const controller = new AbortController();
    let timer;
    const on = (signal) => {
        if (controller.signal.aborted)
            return giveUp(controller.signal.reason);
        const reason = new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc(signal);
        controller.abort(reason);
        timer = setTimeout(() => giveUp(reason), graceMs);
        // The timer alone must not hold the step open once the run has stopped.
        timer.unref();
    };
    const onInterrupt = () => on('SIGINT');
    const onTerminate = () => on('SIGTERM');
    process.on('SIGINT', onInterrupt);
    process.on('SIGTERM', onTerminate);
    return {
        signal: controller.signal,
        dispose() {
            clearTimeout(timer);
            process.off('SIGINT', onInterrupt);
            process.off('SIGTERM', onTerminate);
        }
    };
}
function exitNow(reason) {
    (0,_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .killAll */ .E7)();
    process.stdout.write(`::error::${reason.message}\n`);
    process.exit(1);
}


/***/ }),

/***/ 5387:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   eZ: () => (/* binding */ GHA_CACHE_VARIABLES),
/* harmony export */   gf: () => (/* binding */ childEnv)
/* harmony export */ });
/* unused harmony export passedToDocker */
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
]);
/** Families passed whole: locale, XDG folders, buildx's and BuildKit's settings, the docker CLI's. */
const PREFIXES = ['LC_', 'XDG_', 'BUILDX_', 'BUILDKIT_', 'DOCKER_CLI_'];
/**
 * What buildx's `type=gha` cache reads from its environment (build/opt.go addGithubToken):
 * given to the build only when its cache is GitHub's.
 */
const GHA_CACHE_VARIABLES = ['ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_SERVICE_V2'];
/** Whether a docker process gets this variable of the step's environment. */
function passedToDocker(name) {
    const upper = name.toUpperCase();
    return NAMES.has(upper) || PREFIXES.some(p => upper.startsWith(p));
}
/**
 * A docker process's environment: the allowed variables of `parent`, the ones named in
 * `inherit` (e.g. GHA_CACHE_VARIABLES), then `extra` (a build's argument and secret values).
 */
function childEnv(parent, inherit = [], extra = {}) {
    const env = {};
    for (const [name, value] of Object.entries(parent)) {
        if (value !== undefined && (passedToDocker(name) || inherit.includes(name)))
            env[name] = value;
    }
    return { ...env, ...extra };
}


/***/ }),

/***/ 7242:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qx: () => (/* binding */ TEMP_DIR_PREFIX),
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   k7: () => (/* binding */ Output),
/* harmony export */   pd: () => (/* binding */ Input)
/* harmony export */ });
/** Names the workflow, the runner and the post step see. Written once, here. */
const Input = {
    RoleToAssume: 'role-to-assume',
    AwsRegion: 'aws-region',
    Audience: 'audience',
    RoleSessionName: 'role-session-name',
    RoleDurationSeconds: 'role-duration-seconds',
    ExportCredentials: 'export-credentials',
    DualStack: 'dual-stack',
    Repository: 'repository',
    CreateRepository: 'create-repository',
    TagMutability: 'tag-mutability',
    TagMutabilityExclusions: 'tag-mutability-exclusions',
    ScanOnPush: 'scan-on-push',
    Encryption: 'encryption',
    KmsKey: 'kms-key',
    LifecyclePolicy: 'lifecycle-policy',
    LifecycleKeepCount: 'lifecycle-keep-count',
    LifecycleExpireDays: 'lifecycle-expire-days',
    LifecycleUntaggedDays: 'lifecycle-untagged-days',
    LifecycleProtectTags: 'lifecycle-protect-tags',
    Version: 'version',
    Latest: 'latest',
    LatestMayMoveBack: 'latest-may-move-back',
    Tags: 'tags',
    RefTags: 'ref-tags',
    Annotations: 'annotations',
    Platforms: 'platforms',
    Context: 'context',
    File: 'file',
    Target: 'target',
    BuildArgs: 'build-args',
    Secrets: 'secrets',
    SecretEnvs: 'secret-envs',
    Builder: 'builder',
    Labels: 'labels',
    Push: 'push',
    SkipLogout: 'skip-logout',
    IfVersionExists: 'if-version-exists',
    Cache: 'cache',
    CacheTag: 'cache-tag',
    Provenance: 'provenance',
    Sbom: 'sbom',
    SbomGenerator: 'sbom-generator',
    DryRun: 'dry-run',
    RepositoryPolicy: 'repository-policy',
    PullPrincipals: 'pull-principals',
    RepositoryTags: 'repository-tags',
    PushByDigest: 'push-by-digest',
    MergeDigests: 'merge-digests',
    MergeTimeout: 'merge-timeout',
    Summary: 'summary',
    ReplicateToRegions: 'replicate-to-regions',
    ScanFailOn: 'scan-fail-on',
    ScanTimeout: 'scan-timeout',
    RequireSignature: 'require-signature',
    SignatureTimeout: 'signature-timeout',
    RegistryType: 'registry-type',
    Description: 'description',
    About: 'about',
    StoragePrice: 'storage-price',
    HttpProxy: 'http-proxy',
    NoProxy: 'no-proxy',
    ExistingRepository: 'existing-repository',
    // docker/build-push-action's pass-through build options, under its names
    BuildContexts: 'build-contexts',
    NoCache: 'no-cache',
    NoCacheFilters: 'no-cache-filters',
    Pull: 'pull',
    Ssh: 'ssh',
    Network: 'network',
    ShmSize: 'shm-size',
    Ulimit: 'ulimit',
    AddHosts: 'add-hosts',
    CacheFrom: 'cache-from',
    CacheTo: 'cache-to',
    Load: 'load',
    ReadRegistries: 'read-registries',
    CopyTo: 'copy-to'
};
const Output = {
    Registry: 'registry',
    RepositoryUri: 'repository-uri',
    ImageUri: 'image-uri',
    LatestUri: 'latest-uri',
    Digest: 'digest',
    ImageDigestUri: 'image-digest-uri',
    Tags: 'tags',
    Version: 'version',
    Metadata: 'metadata',
    Skipped: 'skipped',
    ReplicaUris: 'replica-uris',
    ScanFindings: 'scan-findings',
    Signature: 'signature',
    SubjectName: 'subject-name',
    SubjectDigest: 'subject-digest',
    Labels: 'labels',
    Annotations: 'annotations',
    CopiedUris: 'copied-uris'
};
/** Values the main step hands to the post step. */
const State = {
    IsPost: 'is-post',
    LoggedInRegistries: 'logged-in-registries',
    /** the docker config folder the login was written to, when it was written there (not by docker login) */
    LoginConfigDir: 'login-config-dir',
    /** the entry written there, as a hash, and where the entry it replaced is kept (config-login.ts WrittenLogin) */
    LoginWritten: 'login-written',
    /** the logins to the registries a build reads from (`read-registries`): a JSON list of {registry, written?} */
    ReadLogins: 'read-logins',
    /** the temporary folders the main step made (a JSON list), removed by the post step if a cancel left them */
    TempDirs: 'temp-dirs'
};
/** How the temporary folders the action makes are named (temp-dirs.ts): the post step removes only such folders. */
const TEMP_DIR_PREFIX = 'ecr-build-push-';


/***/ }),

/***/ 3871:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E7: () => (/* binding */ killAll),
/* harmony export */   T3: () => (/* binding */ docker),
/* harmony export */   fM: () => (/* binding */ lastLine),
/* harmony export */   l_: () => (/* binding */ withSignal)
/* harmony export */ });
/* unused harmony exports DEFAULT_TIMEOUT_MS, KILL_GRACE_MS, run */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _child_env_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5387);
/**
 * The one way the action runs docker: an argv array (never a shell string), stdin passed
 * as data, output captured and, for builds, streamed to the log. Tests replace it with a
 * recorder.
 *
 * Every docker process is bounded. Each runs in a process group of its own (docker starts
 * the buildx plugin as its child), so a cancel reaches the whole group: SIGINT first —
 * what Ctrl-C sends, on which buildx cancels the build in BuildKit — and SIGKILL if the
 * group is still there a few seconds later. Every command but the build has a timeout too
 * (5 minutes unless its caller sets one: the merge's is `merge-timeout`); a build is bounded
 * by the cancel (and the job's timeout). Whatever is still running when the step's process
 * exits is killed with it.
 *
 * Streamed output is the children's, not the action's: it goes to the log between
 * `::stop-commands::<token>` and `::<token>::`, so no line a build prints (`::set-output`,
 * `::add-mask::`, `##[save-state …]`) is taken by the runner as a workflow command.
 *
 * A docker process gets the step's environment only as far as docker needs it
 * (child-env.ts): no input, token or AWS credential of the step reaches it.
 */



/** A command that is not a build (inspect, login, history) has this long. */
const DEFAULT_TIMEOUT_MS = 5 * 60_000;
/** How long a process group has to exit after SIGINT before it gets SIGKILL. */
const KILL_GRACE_MS = 3000;
/** A streamed build's captured output keeps its last this-many characters per stream (the log has it all). */
const CAPTURE_LIMIT = 1 << 20;
/** Process groups still running, killed when the step's process exits. */
const running = new Set();
const docker = (args, options = {}) => run('docker', args, options);
/** Runs `command` as the docker wrapper runs docker (exported for its tests, which start a stand-in). */
function run(command, args, options = {}) {
    if (options.signal?.aborted)
        return Promise.reject(options.signal.reason);
    const stream = options.stream === true;
    const resume = stream ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)() : '';
    // The command line too is inside: its arguments (build args, labels, paths) are the workflow's, not the action's.
    if (stream)
        process.stdout.write(`::stop-commands::${resume}\n[command]${[command, ...args].join(' ')}\n`);
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, {
            detached: true,
            stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
            env: (0,_child_env_js__WEBPACK_IMPORTED_MODULE_2__/* .childEnv */ .gf)(process.env, options.inherit, options.env)
        });
        running.add(child);
        const out = { stdout: '', stderr: '' };
        let lastChar = '\n';
        const take = (name) => (chunk) => {
            const text = chunk.toString();
            out[name] += text;
            if (out[name].length > 2 * CAPTURE_LIMIT && stream)
                out[name] = out[name].slice(-CAPTURE_LIMIT);
            // Both of the child's streams go to the step's stdout: one stream keeps their order
            // against the resume line below.
            if (stream && text !== '') {
                process.stdout.write(text);
                lastChar = text.at(-1) ?? lastChar;
            }
        };
        child.stdout?.on('data', take('stdout'));
        child.stderr?.on('data', take('stderr'));
        if (options.input)
            child.stdin?.end(options.input);
        child.stdin?.on('error', () => undefined);
        let timedOut = false;
        let killTimer;
        const stop = () => {
            signalGroup(child, 'SIGINT');
            killTimer ??= setTimeout(() => signalGroup(child, 'SIGKILL'), KILL_GRACE_MS);
        };
        const timeoutMs = options.timeoutMs ?? (stream ? undefined : DEFAULT_TIMEOUT_MS);
        const timer = timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                stop();
            }, timeoutMs);
        options.signal?.addEventListener('abort', stop, { once: true });
        const finish = (result) => {
            running.delete(child);
            clearTimeout(timer);
            clearTimeout(killTimer);
            options.signal?.removeEventListener('abort', stop);
            if (stream)
                process.stdout.write(`${lastChar === '\n' ? '' : '\n'}::${resume}::\n`);
            if (options.signal?.aborted)
                reject(options.signal.reason);
            else if (result instanceof Error)
                reject(result);
            else
                resolve(result);
        };
        // docker not on PATH: the exit code a shell gives, and spawn's message (…ENOENT).
        child.on('error', error => finish({ exitCode: 127, stdout: '', stderr: error.message }));
        child.on('close', (code, signal) => {
            if (!timedOut)
                return finish({ exitCode: code ?? 128 + signalNumber(signal), ...out });
            out.stderr += `\nERROR: ${commandName(command, args)} gave no result in ${Math.round((timeoutMs ?? 0) / 1000)} s and was stopped`;
            finish({ exitCode: 124, ...out, timedOut: true });
        });
    });
}
/** `docker buildx imagetools create`: the command and its words before the first flag, past a leading `--context NAME`. */
function commandName(command, args) {
    const words = args[0] === '--context' ? args.slice(2) : args;
    const end = words.findIndex(w => w.startsWith('-'));
    return [command, ...words.slice(0, end === -1 ? words.length : end).slice(0, 4)].join(' ');
}
/** Docker with the run's cancel on every command (a command's own signal wins). */
function withSignal(docker, signal) {
    return signal === undefined ? docker : (args, options = {}) => docker(args, { signal, ...options });
}
/** A signal to the child's process group: docker and the buildx plugin it started, even when docker itself has gone. */
function signalGroup(child, signal) {
    if (child.pid === undefined)
        return;
    try {
        process.kill(-child.pid, signal);
    }
    catch {
        // The group has gone already.
    }
}
function signalNumber(signal) {
    return signal === 'SIGKILL' ? 9 : signal === 'SIGTERM' ? 15 : signal === 'SIGINT' ? 2 : 0;
}
/** SIGKILL to every docker process group still running (the step's process is about to exit). */
function killAll() {
    for (const child of running)
        signalGroup(child, 'SIGKILL');
}
process.on('exit', killAll);
/** The last meaningful line docker printed, for one-line error messages. */
function lastLine(result) {
    const lines = `${result.stderr}\n${result.stdout}`
        .split('\n')
        .map(l => l.trim())
        .filter(l => l !== '');
    return lines.findLast(l => /error/i.test(l)) ?? lines.at(-1) ?? `exit code ${result.exitCode}`;
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   lZ: () => (/* binding */ ActionError),
/* harmony export */   m2: () => (/* binding */ errorDetail),
/* harmony export */   sN: () => (/* binding */ logSafe)
/* harmony export */ });
/**
 * Errors the action reports to the user. Each carries a one-line message that says what
 * is wrong and how to fix it; `main` prints it with `core.setFailed`, and its stack (with
 * the error it was made from, its `cause`) with `core.debug` (errorDetail).
 */
/** A workflow input is invalid. Raised before any AWS write or docker call. */
class InputError extends Error {
    input;
    name = 'InputError';
    constructor(input, detail) {
        super(`Input '${input}': ${detail}`);
        this.input = input;
    }
}
/** Something outside the inputs stops the run (permissions, tools, AWS state). */
class ActionError extends Error {
    name = 'ActionError';
}
/** The runner cancelled the run (SIGINT, then SIGTERM): the reason of the run's AbortSignal. */
class CancelledError extends Error {
    signal;
    name = 'CancelledError';
    constructor(signal) {
        super(`The run was cancelled (${signal}): its docker processes were stopped, and nothing was pushed or tagged after the cancel.`);
        this.signal = signal;
    }
}
/**
 * Text the action did not write — a registry's or AWS's error message, buildx's words about
 * a push — made safe for one line of the log. The runner reads the step's output line by
 * line and takes a line that starts with `::` (after blanks) as a workflow command, and
 * `##[` anywhere in a line (the older form): such text could set an output, mask words or
 * fail the step. Line breaks are written as `\n` (so no later line starts with `::`), a
 * leading `::` and every `##[` are broken up. core.setFailed, warning and error escape line
 * breaks in their message themselves (`%0A`, which the runner only decodes inside that one
 * command); core.info prints its text as it is, so untrusted text goes through this first.
 */
function logSafe(text) {
    return text
        .replace(/\r\n|\r|\n/g, '\\n')
        .replace(/##\[/g, '## [')
        .replace(/^(\s*):(?=:)/, '$1: ');
}
/** An error's stack, then its causes' (`Caused by: …`), for core.debug: what the one-line message leaves out. */
function errorDetail(error) {
    const lines = [];
    for (let e = error, depth = 0; e !== undefined && depth < 5; e = e instanceof Error ? e.cause : undefined, depth++) {
        const text = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
        lines.push(depth === 0 ? text : `Caused by: ${text}`);
    }
    return lines.join('\n');
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(833);
/* harmony import */ var _docker_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3871);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2054);
/** Entry point of the main step (`runs.main`). */



const cancel = (0,_cancel_js__WEBPACK_IMPORTED_MODULE_0__/* .cancelOnSignals */ .d)();
await (0,_main_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .eF)({ env: process.env, docker: _docker_js__WEBPACK_IMPORTED_MODULE_1__/* .docker */ .T3, signal: cancel.signal });
cancel.dispose();
// Cancelled: a request still waiting for an answer must not keep the step open.
if (cancel.signal.aborted)
    process.exit();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8301:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M1: () => (/* binding */ describeJsonError),
/* harmony export */   Vk: () => (/* binding */ sameJson),
/* harmony export */   qF: () => (/* binding */ parseJson)
/* harmony export */ });
/* unused harmony exports canonicalJson, jsonSyntaxError */
/** JSON compared as data: key order and white space don't matter. */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The value with every object's keys sorted, so equal data stringifies equally. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return value.map(canonicalJson);
    if (isObject(value)) {
        return Object.fromEntries(Object.keys(value)
            .sort()
            .map(k => [k, canonicalJson(value[k])]));
    }
    return value;
}
/** Parses text (objects pass through); undefined when it is not JSON. */
function parseJson(value) {
    if (typeof value !== 'string')
        return value;
    try {
        return JSON.parse(value);
    }
    catch {
        return undefined;
    }
}
function sameJson(a, b) {
    const x = parseJson(a);
    return x !== undefined && JSON.stringify(canonicalJson(x)) === JSON.stringify(canonicalJson(parseJson(b)));
}
/**
 * Where text first breaks JSON's grammar — line and column (1-based) and what is wrong
 * there — so that an error can point at it without printing the text (a policy file may
 * hold anything; JSON.parse's own message quotes it). Undefined when the text is JSON.
 */
function jsonSyntaxError(text) {
    let i = 0;
    const fail = (problem) => {
        throw Object.assign(new SyntaxError(problem), { at: i });
    };
    const blank = () => {
        while (i < text.length && ' \t\n\r'.includes(text[i] ?? ''))
            i++;
    };
    const expect = (c, what) => {
        blank();
        if (text[i] !== c)
            fail(i >= text.length ? 'the text ends too early' : what);
        i++;
    };
    const string = () => {
        i++;
        for (;;) {
            if (i >= text.length)
                fail('a string is not closed');
            const c = text[i] ?? '';
            if (c === '"')
                return void i++;
            if (c < ' ')
                fail('a line break or control character inside a string');
            if (c !== '\\') {
                i++;
                continue;
            }
            const next = text[i + 1] ?? '';
            if ('"\\/bfnrt'.includes(next) && next !== '')
                i += 2;
            else if (next === 'u' && /^[0-9a-f]{4}$/i.test(text.slice(i + 2, i + 6)))
                i += 6;
            else
                fail('a \\ escape JSON has no such thing as');
        }
    };
    const value = () => {
        blank();
        const c = text[i];
        if (c === undefined)
            return fail('the text ends too early');
        if (c === '"')
            return string();
        if (c === '{' || c === '[') {
            const close = c === '{' ? '}' : ']';
            i++;
            blank();
            if (text[i] === close)
                return void i++;
            for (;;) {
                if (c === '{') {
                    blank();
                    if (text[i] !== '"')
                        fail(i >= text.length ? 'the text ends too early' : 'expected a "quoted" property name');
                    string();
                    expect(':', "expected ':' after the property name");
                }
                value();
                blank();
                if (text[i] === ',') {
                    i++;
                    continue;
                }
                return expect(close, `expected ',' or '${close}'`);
            }
        }
        const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
        literal.lastIndex = i;
        if (!literal.test(text))
            fail('unexpected character (a value is a "string", a number, true, false, null, {…} or […])');
        i = literal.lastIndex;
    };
    try {
        value();
        blank();
        if (i < text.length)
            fail('more text after the JSON value');
        return undefined;
    }
    catch (error) {
        const at = error.at;
        if (typeof at !== 'number')
            return { line: 0, column: 0, problem: 'too deeply nested to read' };
        const before = text.slice(0, at).split('\n');
        return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1, problem: error.message };
    }
}
/** Where a JSON text that JSON.parse refused breaks, for an error: `at line 3, column 14 (expected ',' or '}')`. */
function describeJsonError(text) {
    const error = jsonSyntaxError(text);
    return error === undefined || error.line === 0 ? `(${error?.problem ?? 'as JSON.parse reads it'})` : `at line ${error.line}, column ${error.column} (${error.problem})`;
}


/***/ }),

/***/ 2054:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  eF: () => (/* binding */ run)
});

// UNUSED EXPORTS: MIN_MASKED_LINE, failureMessage, maskSecrets

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __nccwpck_require__(3110);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(7242);
// EXTERNAL MODULE: ./src/build/builder.ts
var builder = __nccwpck_require__(8079);
// EXTERNAL MODULE: ./src/docker.ts
var docker = __nccwpck_require__(3871);
// EXTERNAL MODULE: ./src/network/agents.ts
var agents = __nccwpck_require__(3662);
// EXTERNAL MODULE: ./src/settings/registry-host.ts
var registry_host = __nccwpck_require__(5777);
// EXTERNAL MODULE: ./src/settings/prices.ts
var prices = __nccwpck_require__(9627);
// EXTERNAL MODULE: ./src/json.ts
var json = __nccwpck_require__(8301);
// EXTERNAL MODULE: ./src/settings/input.ts
var settings_input = __nccwpck_require__(4781);
;// CONCATENATED MODULE: ./src/settings/access-policy.ts
/** The repository's access policy: `repository-policy` as given, or the pull statement `pull-principals` makes. */




const ACCOUNT_ID = /^\d{12}$/;
const ORG_ID = /^o-[a-z0-9]{10,32}$/;
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(?:root|role\/[\w+=,.@/-]+|user\/[\w+=,.@/-]+)$/;
const PULL_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];
/** A repository policy as ECR takes it: an IAM policy document with statements, ≤ 10,240 characters. */
function validateRepositoryPolicy(text, file) {
    const fail = (what) => {
        throw new errors/* InputError */.dz(constants/* Input */.pd.RepositoryPolicy, what);
    };
    if (text.length > 10240)
        fail(`the policy is ${text.length} characters; ECR takes at most 10240.`);
    let policy;
    try {
        policy = JSON.parse(text);
    }
    catch {
        return fail(`${(0,settings_input/* policySource */.IQ)(file)}is not valid JSON ${(0,json/* describeJsonError */.M1)(text)}: give a repository policy document.`);
    }
    const statements = policy.Statement;
    const list = Array.isArray(statements) ? statements : statements !== undefined ? [statements] : [];
    if (typeof policy !== 'object' || policy === null || list.length === 0)
        fail('needs a "Statement" list: give an IAM policy document.');
    list.forEach((st, i) => {
        if (st.Effect !== 'Allow' && st.Effect !== 'Deny')
            fail(`Statement[${i}].Effect must be "Allow" or "Deny".`);
        if (st.Principal === undefined && st.NotPrincipal === undefined)
            fail(`Statement[${i}] needs a Principal: a repository policy says who may do what.`);
        const actions = [].concat(st.Action ?? st.NotAction ?? []);
        if (actions.length === 0 || !actions.every(a => typeof a === 'string' && (a === '*' || /^ecr:[A-Za-z*]+$/.test(a)))) {
            fail(`Statement[${i}].Action must name ecr: actions (e.g. ecr:BatchGetImage).`);
        }
    });
    return text;
}
/** The pull-only statement for `pull-principals`: accounts, role/user ARNs, or an organization. */
function pullPolicy(principals) {
    const arns = [];
    const orgs = [];
    for (const p of principals) {
        if (ACCOUNT_ID.test(p))
            arns.push(`arn:aws:iam::${p}:root`);
        else if (PRINCIPAL_ARN.test(p))
            arns.push(p);
        else if (ORG_ID.test(p))
            orgs.push(p);
        else {
            throw new errors/* InputError */.dz(constants/* Input */.pd.PullPrincipals, `'${p}' is not a principal: use a 12-digit account ID, an IAM role or user ARN, or an organization ID (o-…).`);
        }
    }
    const Statement = [];
    if (arns.length > 0)
        Statement.push({ Sid: 'PullByPrincipal', Effect: 'Allow', Principal: { AWS: arns }, Action: PULL_ACTIONS });
    if (orgs.length > 0) {
        Statement.push({
            Sid: 'PullByOrganization',
            Effect: 'Allow',
            Principal: '*',
            Action: PULL_ACTIONS,
            Condition: { StringEquals: { 'aws:PrincipalOrgID': orgs } }
        });
    }
    return JSON.stringify({ Version: '2012-10-17', Statement });
}
function readAccessPolicy(env, workspace) {
    const policyInput = (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.RepositoryPolicy);
    const principals = (0,settings_input/* parseList */.E1)((0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.PullPrincipals));
    if (policyInput !== '' && principals.length > 0) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.PullPrincipals, 'is given together with repository-policy: put the pull statement in the policy, or use pull-principals alone.');
    }
    if (policyInput !== '') {
        const { text, file } = (0,settings_input/* readPolicyText */.OG)(constants/* Input */.pd.RepositoryPolicy, policyInput, workspace);
        return { text: validateRepositoryPolicy(text, file), source: 'repository-policy' };
    }
    if (principals.length > 0)
        return { text: pullPolicy(principals), source: 'pull-principals' };
    return undefined;
}

// EXTERNAL MODULE: ./src/settings/aws.ts
var settings_aws = __nccwpck_require__(2460);
// EXTERNAL MODULE: ./src/settings/build.ts + 3 modules
var settings_build = __nccwpck_require__(8893);
// EXTERNAL MODULE: ./src/settings/lifecycle-policy.ts
var lifecycle_policy = __nccwpck_require__(5940);
// EXTERNAL MODULE: ./src/settings/network.ts
var network = __nccwpck_require__(2151);
// EXTERNAL MODULE: ./src/settings/repository.ts
var repository = __nccwpck_require__(7965);
// EXTERNAL MODULE: ./src/settings/types.ts
var types = __nccwpck_require__(1664);
// EXTERNAL MODULE: ./src/settings/semver.ts
var settings_semver = __nccwpck_require__(9029);
;// CONCATENATED MODULE: ./src/settings/ref-tags.ts
/**
 * Tags from the git ref (`ref-tags`), the way docker/metadata-action makes them: floating
 * semver tags (`1.2` and `1` for `v1.2.3`, never for a pre-release), the branch's tag,
 * `pr-<number>`, `sha-<short>`, and small templates with the same placeholders. Pure: the
 * run's ref, event and commit come in as values.
 *
 * A tag either floats — it names the newest image of its line (`1.2`, `main`, `pr-7`) and
 * moves only forward (registry/latest.ts) — or is fixed to one build (`sha-1a2b3c4`,
 * `v1.2.3`): put when the repository lacks it, never moved.
 */




const PLACEHOLDER = /\{\{\s*([a-z]+)\s*\}\}/g;
const NAMES = ['version', 'major', 'minor', 'patch', 'branch', 'pr', 'sha'];
/** A template with one of these names one build, not a line of builds. */
const FIXED = ['version', 'patch', 'sha'];
/** The keywords: what metadata-action's `type=semver` (major.minor, major), `type=ref` and `type=sha` make. */
const KEYWORDS = {
    semver: ['{{major}}.{{minor}}', '{{major}}'],
    branch: ['{{branch}}'],
    pr: ['pr-{{pr}}'],
    sha: ['sha-{{sha}}']
};
/** Characters an image tag can't hold become `-` (`feature/login` → `feature-login`); no leading `.` or `-`. */
const sanitizeTag = (text) => text.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[.-]+/, '');
/** The placeholders' values for this run: the version's semver parts (a release only), the branch, the pull request, the commit. */
function refValues(run) {
    const values = { version: run.version };
    const semver = (0,settings_semver/* parseSemver */.k)(run.version);
    if (semver !== undefined && semver.pre.length === 0 && !run.version.includes('+')) {
        ;
        [values.major, values.minor, values.patch] = semver.core;
    }
    const branch = run.ref.startsWith('refs/heads/') ? sanitizeTag(run.ref.slice('refs/heads/'.length)) : '';
    if (branch !== '')
        values.branch = branch;
    const pr = /^refs\/pull\/(\d+)\/(?:merge|head)$/.exec(run.ref)?.[1];
    if (pr !== undefined)
        values.pr = pr;
    if (/^[0-9a-f]{7,}$/i.test(run.sha))
        values.sha = run.sha.slice(0, 7).toLowerCase();
    return values;
}
/** One template's tag on this run; undefined when a placeholder has no value here (the template is left out). */
function expandTemplate(template, values) {
    let missing = false;
    const tag = template.replace(PLACEHOLDER, (_, name) => {
        const value = values[name];
        if (value === undefined)
            missing = true;
        return value ?? '';
    });
    return missing ? undefined : tag;
}
function checkTemplate(template) {
    const names = [...template.matchAll(PLACEHOLDER)].map(m => m[1] ?? '');
    const unknown = names.find(n => !NAMES.includes(n));
    if (unknown !== undefined) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.RefTags, `'${template}' has an unknown placeholder {{${unknown}}}: use ${NAMES.map(n => `{{${n}}}`).join(', ')}.`);
    }
    if (names.length === 0) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.RefTags, `'${template}' is neither semver, branch, pr, sha nor a template with a {{placeholder}}: put fixed tags in tags.`);
    }
    if (!settings_input/* IMAGE_TAG */.Ne.test(template.replace(PLACEHOLDER, 'x'))) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.RefTags, `'${template}' would not make a valid image tag: use letters, digits, _ . - around the placeholders.`);
    }
}
/**
 * The `ref-tags` input on this run: keywords (`semver`, `branch`, `pr`, `sha`) and
 * templates, each left out where the run's ref gives it no value. `0` (major version zero,
 * still in development) is never made by `semver`.
 */
function readRefTags(input, values) {
    const floating = [];
    const once = [];
    let floats = false;
    for (const item of (0,settings_input/* parseList */.E1)(input)) {
        const keyword = KEYWORDS[item.toLowerCase()];
        const templates = keyword ?? [item];
        for (const template of templates) {
            if (keyword === undefined)
                checkTemplate(template);
            const fixed = [...template.matchAll(PLACEHOLDER)].some(m => FIXED.includes(m[1] ?? ''));
            floats ||= !fixed;
            if (keyword !== undefined && template === '{{major}}' && values.major === '0')
                continue;
            const tag = expandTemplate(template, values);
            if (tag === undefined)
                continue;
            if (!settings_input/* IMAGE_TAG */.Ne.test(tag)) {
                throw new errors/* InputError */.dz(constants/* Input */.pd.RefTags, `'${template}' makes '${tag.slice(0, 140)}' on this ref, which is not a valid image tag (at most 128 letters, digits, _ . -): shorten the template.`);
            }
            ;
            (fixed ? once : floating).push(tag);
        }
    }
    return { floating: [...new Set(floating)], once: [...new Set(once)].filter(t => !floating.includes(t)), floats };
}

// EXTERNAL MODULE: ./src/settings/registries.ts
var settings_registries = __nccwpck_require__(9966);
// EXTERNAL MODULE: ./src/settings/tag-mutability.ts
var tag_mutability = __nccwpck_require__(8338);
// EXTERNAL MODULE: ./src/settings/tag-references.ts
var tag_references = __nccwpck_require__(2516);
;// CONCATENATED MODULE: ./src/settings/version.ts
/**
 * The version tag when the workflow gives none: the git tag that triggered the run
 * (`refs/tags/v1.2.3` → `1.2.3`), otherwise `sha-<first 7 of the commit>`.
 */


function deriveVersion(run) {
    const tag = run.ref.startsWith('refs/tags/') ? run.ref.slice('refs/tags/'.length) : '';
    if (tag !== '') {
        // v1.2.3 → 1.2.3; other tags are kept, with characters an image tag can't hold replaced.
        const version = (/^v\d/.test(tag) ? tag.slice(1) : tag).replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[.-]+/, '');
        if (version !== '')
            return version.slice(0, 128);
    }
    if (!/^[0-9a-f]{7,}$/i.test(run.sha)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Version, 'is empty and GITHUB_SHA is not set: give the version tag to push.');
    }
    return `sha-${run.sha.slice(0, 7).toLowerCase()}`;
}

;// CONCATENATED MODULE: ./src/settings/read.ts
/**
 * The inputs: reads every workflow input once, validates it and returns one typed
 * `Settings` object. Nothing here calls AWS or docker: every input error is raised before
 * the first AWS write or docker call, as one line that names the input and the fix.
 */

















const IF_VERSION_EXISTS = ['auto', 'fail', 'skip'];
function readScan(env) {
    const failOnInput = (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.ScanFailOn);
    const failOn = failOnInput.toUpperCase();
    if (failOnInput !== '' && !types/* SEVERITIES */.o.includes(failOn)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.ScanFailOn, `'${failOnInput}' is not a severity: use ${types/* SEVERITIES */.o.join(', ')}, or leave it empty for no gate.`);
    }
    const timeoutSeconds = (0,settings_input/* parseInteger */.cG)(constants/* Input */.pd.ScanTimeout, (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.ScanTimeout), { min: 10, max: 3600 }) ?? 600;
    return { ...(failOnInput !== '' ? { failOn } : {}), timeoutSeconds };
}
/**
 * ECR managed signing: `require-signature` needs a private repository the run pushes to
 * (ECR Public signs nothing; push: false pushes nothing to sign).
 */
function readSigning(env, push, registryType) {
    const require = (0,settings_input/* parseBoolean */.yG)(constants/* Input */.pd.RequireSignature, (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.RequireSignature), false);
    const timeoutSeconds = (0,settings_input/* parseInteger */.cG)(constants/* Input */.pd.SignatureTimeout, (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.SignatureTimeout), { min: 10, max: 3600 }) ?? 120;
    if (require && registryType === 'public') {
        throw new errors/* InputError */.dz(constants/* Input */.pd.RequireSignature, 'is true, but ECR Public has no managed signing: remove require-signature, or push to a private repository.');
    }
    if (require && !push)
        throw new errors/* InputError */.dz(constants/* Input */.pd.RequireSignature, 'is true, but push is false: nothing is pushed, so nothing is signed; remove require-signature for build-only runs.');
    return { require, timeoutSeconds };
}
function readStoragePrice(env) {
    const value = (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.StoragePrice);
    if (value === '')
        return prices/* STORAGE_PRICE_USD_PER_GB_MONTH */.Uz;
    if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) > 100) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.StoragePrice, `'${value}' is not a price: give US$ per GB-month as a number, e.g. 0.10.`);
    }
    return Number(value);
}
function readIfVersionExists(env) {
    const value = ((0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.IfVersionExists) || 'auto').toLowerCase();
    if (!IF_VERSION_EXISTS.includes(value)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.IfVersionExists, `'${value}' is not a choice: use auto, fail or skip.`);
    }
    return value;
}
const optional = (key, value) => (value === undefined ? {} : { [key]: value });
/**
 * Reads and validates every input. `env` is the step's environment (INPUT_* and GITHUB_*);
 * relative paths resolve against GITHUB_WORKSPACE (the runner's working directory).
 */
function readSettings(env = process.env) {
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const push = (0,settings_input/* parseBoolean */.yG)(constants/* Input */.pd.Push, (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.Push), true);
    const name = (0,repository/* validateRepositoryName */.IB)((0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.Repository));
    const registryType = (0,repository/* readRegistryType */.m1)(env);
    // ECR Public's API answers in us-east-1 only; the region input is then only for signing in.
    const aws = (0,settings_aws/* readAws */.km)(env, push && registryType === 'private');
    if (registryType === 'public' && aws.region === '')
        aws.region = registry_host/* PUBLIC_API_REGION */.cp;
    const { filter: cacheFilter, scoped: scopedCache, ...cache } = (0,settings_build/* readCache */.xe)(env, registryType);
    const ecrCacheTag = cache.type === 'ecr' ? cache.tag : undefined;
    const ecrCacheFilter = cache.type === 'ecr' ? cacheFilter : undefined;
    const versionInput = (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.Version);
    const version = versionInput !== '' ? (0,settings_input/* validateTag */.z7)(constants/* Input */.pd.Version, versionInput) : deriveVersion({ ref: env.GITHUB_REF ?? '', sha: env.GITHUB_SHA ?? '' });
    const latest = (0,settings_input/* parseBoolean */.yG)(constants/* Input */.pd.Latest, (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.Latest), true);
    const extra = (0,tag_references/* readTagsInput */.C)((0,settings_input/* parseList */.E1)((0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.Tags)), name, aws.region, registryType);
    const refTags = readRefTags((0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.RefTags), refValues({ version, ref: env.GITHUB_REF ?? '', sha: env.GITHUB_SHA ?? '' }));
    const { mutability, exclusions, stated } = (0,repository/* readMutability */.Hj)(env, ecrCacheFilter, refTags.floats);
    const tags = [...new Set([version, ...(latest ? ['latest'] : []), ...extra.tags, ...refTags.floating, ...refTags.once])];
    // A ref tag the version or a tag of `tags` is already is pushed as that.
    const fixed = new Set([version, ...extra.tags]);
    const floating = refTags.floating.filter(t => !fixed.has(t));
    const once = refTags.once.filter(t => !fixed.has(t));
    // Every tag `<cache-tag>*` matches is kept mutable and protected from expiry: the cache's alone.
    const cacheLike = ecrCacheFilter !== undefined ? tags.find(t => t.startsWith(ecrCacheFilter.slice(0, -1))) : undefined;
    if (cacheLike !== undefined) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.CacheTag, `'${cacheLike}' is an image tag this run pushes, and the registry cache's tags are ${ecrCacheFilter}: give the cache a tag of its own.`);
    }
    if (registryType === 'private') {
        (0,tag_mutability/* checkTagMutability */.nt)({ mode: mutability, exclusions }, { version, floating: [...floating, ...(latest ? ['latest'] : [])], ...(ecrCacheFilter !== undefined ? { cacheTag: ecrCacheFilter.slice(0, -1) } : {}), floats: refTags.floats });
    }
    const build = (0,settings_build/* readBuild */.lT)(env, workspace, cache);
    const registries = (0,settings_registries/* readOtherRegistries */.SH)(env, name, { push, byDigest: build.pushByDigest });
    return {
        ...(registries.read.length + registries.copyTo.length > 0 ? { registries } : {}),
        aws,
        repository: {
            name,
            create: (0,settings_input/* parseBoolean */.yG)(constants/* Input */.pd.CreateRepository, (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.CreateRepository), true),
            tagMutability: mutability,
            tagMutabilityExclusions: exclusions,
            tagMutabilityStated: stated,
            ...(ecrCacheTag !== undefined && ecrCacheFilter !== undefined ? { cacheTag: ecrCacheTag, cacheFilter: ecrCacheFilter } : {}),
            scanOnPush: (0,settings_input/* parseBoolean */.yG)(constants/* Input */.pd.ScanOnPush, (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.ScanOnPush), true),
            encryption: (0,repository/* readEncryption */._i)(env),
            encryptionStated: (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.Encryption) !== '' || (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.KmsKey) !== '',
            lifecycle: (0,lifecycle_policy/* readLifecycle */.DO)(env, workspace, {
                protect: [...lifecycle_policy/* DEFAULT_LIFECYCLE */.Pb.protectTags, ...(ecrCacheFilter ? [ecrCacheFilter] : [])],
                ...(ecrCacheFilter ? { scopedCache } : {})
            }),
            ...optional('accessPolicy', readAccessPolicy(env, workspace)),
            ...((0,repository/* readExistingRepository */.El)(env) === 'leave' ? { existing: 'leave' } : {}),
            tags: (0,repository/* readResourceTags */.Yv)(env),
            replicateToRegions: (0,repository/* readReplication */.XF)(env, aws.region),
            type: registryType,
            catalog: (0,repository/* readCatalog */.uM)(env, workspace)
        },
        scan: readScan(env),
        signing: readSigning(env, push, registryType),
        storagePrice: readStoragePrice(env),
        image: {
            version,
            ifVersionExists: readIfVersionExists(env),
            latest,
            latestMayMoveBack: (0,settings_input/* parseBoolean */.yG)(constants/* Input */.pd.LatestMayMoveBack, (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.LatestMayMoveBack), false),
            tags,
            floating,
            once,
            referenceHosts: extra.hosts
        },
        build,
        skipLogout: (0,settings_input/* parseBoolean */.yG)(constants/* Input */.pd.SkipLogout, (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.SkipLogout), false),
        dryRun: (0,settings_input/* parseBoolean */.yG)(constants/* Input */.pd.DryRun, (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.DryRun), false),
        summary: (0,settings_input/* parseBoolean */.yG)(constants/* Input */.pd.Summary, (0,settings_input/* getInput */.V4)(env, constants/* Input */.pd.Summary), true),
        network: (0,network/* readNetwork */.Lp)(env)
    };
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The main step: reads and checks the inputs — a bad one fails here, before any AWS call
 * or docker command — then runs what they ask for: a push (pipeline.ts), a plan
 * (`dry-run`), or a build that pushes nothing (`push: false`). This is the one place that
 * reports failure. Each mode is loaded when it runs: a push brings the AWS SDK, most of
 * the bundle. A cancel (`signal`, from cancel.ts) reaches every docker command and the
 * retries; the run then fails as cancelled, whatever else went wrong on the way out.
 */







async function run({ signal, ...given } = { env: process.env, docker: docker/* docker */.T3 }) {
    const deps = { ...given, docker: (0,docker/* withSignal */.l_)(given.docker, signal) };
    try {
        core/* saveState */.LZ(constants/* State */.Uw.IsPost, 'true');
        const settings = readSettings(deps.env);
        // The run's proxy and timeouts, made once and handed to every client that makes a request.
        const network = await (0,agents/* networkSettings */.eg)(settings.network.proxy, { setSecret: core/* setSecret */.Pq, log: core/* info */.pq });
        maskSecrets(settings.build.secrets);
        if (!settings.build.push && !settings.dryRun) {
            await (await Promise.all(/* import() */[__nccwpck_require__.e(405), __nccwpck_require__.e(500), __nccwpck_require__.e(478)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8478))).buildOnly(settings, deps);
        }
        else {
            // A push's builder check (a docker CLI start) runs while the pipeline's modules, the AWS SDK among them, load.
            const builderCheck = settings.dryRun ? undefined : (0,builder/* startBuilderCheck */.Cj)(deps.docker, settings.build);
            // A dry run signs in, reads the registry and plans exactly as a push does: the same deps.
            const [{ RegistryClient }, { defaultRetry }, { requestIdToken }, { createTransport }] = await Promise.all([
                __nccwpck_require__.e(/* import() */ 405).then(__nccwpck_require__.bind(__nccwpck_require__, 9405)),
                __nccwpck_require__.e(/* import() */ 809).then(__nccwpck_require__.bind(__nccwpck_require__, 9809)),
                __nccwpck_require__.e(/* import() */ 964).then(__nccwpck_require__.bind(__nccwpck_require__, 7964)),
                __nccwpck_require__.e(/* import() */ 284).then(__nccwpck_require__.bind(__nccwpck_require__, 5284))
            ]);
            const pushDeps = {
                ...deps,
                registry: credentials => new RegistryClient(credentials, undefined, createTransport({ network })),
                getIDToken: audience => requestIdToken(deps.env, audience, core/* setSecret */.Pq, createTransport({ network })),
                retry: defaultRetry,
                network,
                ...(signal ? { cancel: signal } : {}),
                ...(builderCheck ? { builderCheck } : {})
            };
            if (settings.dryRun)
                await (await Promise.all(/* import() */[__nccwpck_require__.e(159), __nccwpck_require__.e(405), __nccwpck_require__.e(500), __nccwpck_require__.e(987), __nccwpck_require__.e(900)]).then(__nccwpck_require__.bind(__nccwpck_require__, 900))).planOnly(settings, pushDeps);
            else
                await (await Promise.all(/* import() */[__nccwpck_require__.e(159), __nccwpck_require__.e(405), __nccwpck_require__.e(500), __nccwpck_require__.e(987), __nccwpck_require__.e(282)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3282))).pushPipeline(settings, pushDeps);
        }
    }
    catch (error) {
        core/* debug */.Yz((0,errors/* errorDetail */.m2)(error));
        core/* setFailed */.C1(failureMessage(signal?.aborted ? signal.reason : error));
    }
}
/** A line of a secret shorter than this (trimmed) is not masked on its own: `{`, `}`, `],`. */
const MIN_MASKED_LINE = 3;
/**
 * Build secrets are masked before anything runs: each whole, and each line of a value of
 * several lines (the log prints line by line), trimmed — as the runner masks a repository
 * secret (actions/runner, Worker.cs InitializeSecretMasker: the whole trimmed value, then
 * each trimmed line, however short). Unlike the runner, a line of one or two characters is
 * not masked alone: a JSON secret's `{` and `}` would become *** in every line of the log
 * and of outputs that print JSON. Such a line is no secret on its own.
 */
function maskSecrets(secrets) {
    for (const { value } of secrets) {
        core/* setSecret */.Pq(value);
        for (const line of new Set(value.split(/\r?\n|\r/).map(l => l.trim())))
            if (line.length >= MIN_MASKED_LINE && line !== value)
                core/* setSecret */.Pq(line);
    }
}
/** One line: ours as written; AWS errors with their name and the call's message. */
function failureMessage(error) {
    if (!(error instanceof Error))
        return String(error);
    if (error.name === 'InputError' || error.name === 'ActionError' || error.name === 'CancelledError')
        return error.message;
    if (error.name === 'CredentialsProviderError') {
        return 'No AWS credentials: set role-to-assume (with permissions: id-token: write) or configure credentials in an earlier step.';
    }
    const iamAction = error.iamAction;
    if (error.name === 'ExpiredTokenException' || error.name === 'ExpiredToken') {
        return (`AWS refused ${iamAction ?? 'a call'} (${error.name}): the credentials have expired. With role-to-assume the action signs in again and sends the call once more, ` +
            `so a second refusal points at the runner's clock (compare it with an NTP server); credentials from an earlier step must be renewed there, or use role-to-assume.`);
    }
    if (iamAction !== undefined && /AccessDenied/.test(error.name)) {
        return (`AWS refused ${iamAction} (${error.name}): allow ${iamAction} on the repository for the role. ` +
            `A run with dry-run: true prints the whole least-privilege policy for these inputs (README: IAM permissions).`);
    }
    return `${error.name}: ${(0,errors/* logSafe */.sN)(error.message)}`;
}


/***/ }),

/***/ 3662:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   eg: () => (/* binding */ networkSettings),
/* harmony export */   fz: () => (/* binding */ DIRECT_NETWORK)
/* harmony export */ });
/* unused harmony export DEFAULT_TIMEOUTS */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _settings_network_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2151);
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1290);
/**
 * The action's own outbound HTTP — the OIDC token request, the AWS SDK's clients, the
 * registry API — with bounded waits and the job's proxy: a `NetworkSettings` value, made
 * once at the run's start from the settings (`networkSettings`) and handed to the clients
 * that use it (the AWS clients through the session, the registry client and the OIDC
 * request through their transport). docker and buildx are not among these: the daemon has
 * its own proxy settings.
 */




const DEFAULT_TIMEOUTS = { connect: 10_000, awsResponse: 20_000, response: 30_000, idle: 60_000 };
const DIRECT = { https: '', http: '', noProxy: [], source: '' };
function settingsOf(proxy, timeouts, route) {
    const agents = () => {
        const direct = { 'http:': new (node_http__WEBPACK_IMPORTED_MODULE_0___default().Agent)({ keepAlive: true }), 'https:': new (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent)({ keepAlive: true }) };
        return route ? route(proxy, direct) : direct;
    };
    const sdkAgents = route ? agents() : undefined;
    const handler = { connectionTimeout: timeouts.connect, requestTimeout: timeouts.awsResponse, throwOnRequestTimeout: true, socketTimeout: timeouts.awsResponse };
    return {
        proxy,
        timeouts,
        agents,
        sdkRequestHandler: () => (sdkAgents ? { ...handler, httpAgent: sdkAgents['http:'], httpsAgent: sdkAgents['https:'] } : { ...handler })
    };
}
/** No proxy, the default timeouts: what a client made without the run's settings (a test's) gets. */
const DIRECT_NETWORK = settingsOf(DIRECT, DEFAULT_TIMEOUTS);
/**
 * The run's network settings: `config`'s proxy and the timeouts. A proxy's credentials are
 * masked (the whole URL, and the password or a token given as the user name) before
 * anything can print them, and the log says which proxy is used, without its credentials.
 */
async function networkSettings(config, options = {}) {
    for (const url of new Set([config.https, config.http]))
        maskProxyCredentials(url, options.setSecret);
    const route = (0,_proxy_js__WEBPACK_IMPORTED_MODULE_3__/* .hasProxy */ .j)(config) ? (await Promise.all(/* import() */[__nccwpck_require__.e(40), __nccwpck_require__.e(54)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6054))).proxyAgents : undefined;
    const settings = settingsOf(config, options.timeouts ?? DEFAULT_TIMEOUTS, route);
    if (route === undefined)
        return settings;
    const via = config.https === config.http
        ? (0,_settings_network_js__WEBPACK_IMPORTED_MODULE_2__/* .redactProxy */ .YP)(config.https)
        : [config.https !== '' ? `${(0,_settings_network_js__WEBPACK_IMPORTED_MODULE_2__/* .redactProxy */ .YP)(config.https)} for https` : '', config.http !== '' ? `${(0,_settings_network_js__WEBPACK_IMPORTED_MODULE_2__/* .redactProxy */ .YP)(config.http)} for http` : ''].filter(Boolean).join(', ');
    options.log?.(`The action's own requests (OIDC, AWS, the registry API) go through the proxy ${via}, from ${config.source}` +
        (config.noProxy.length > 0 ? `; directly to ${config.noProxy.join(', ')}` : '') +
        "; docker pushes through the daemon's own proxy settings.");
    return settings;
}
function maskProxyCredentials(url, setSecret) {
    if (setSecret === undefined)
        return;
    for (const part of (0,_settings_network_js__WEBPACK_IMPORTED_MODULE_2__/* .proxySecrets */ .Wm)(url))
        setSecret(part);
}


/***/ }),

/***/ 1290:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ proxyFor),
/* harmony export */   j: () => (/* binding */ hasProxy)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);

const DEFAULT_PORTS = { 'http:': '80', 'https:': '443' };
/** A URL's host without IPv6 brackets, lower case. */
function bareHost(url) {
    return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}
function isLoopback(host) {
    if (host === 'localhost')
        return true;
    const family = node_net__WEBPACK_IMPORTED_MODULE_0___default().isIP(host);
    if (family === 4)
        return host.startsWith('127.');
    if (family === 6) {
        const loopback = new (node_net__WEBPACK_IMPORTED_MODULE_0___default().BlockList)();
        loopback.addAddress('::1', 'ipv6');
        loopback.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');
        return loopback.check(host, 'ipv6');
    }
    return false;
}
/** Splits `host:port`, `[v6]:port` or a bare host; a bare IPv6 address has no port. */
function splitEntry(entry) {
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed)
        return { host: bracketed[1] ?? '', port: bracketed[2] ?? '' };
    if (node_net__WEBPACK_IMPORTED_MODULE_0___default().isIP(entry) === 6)
        return { host: entry, port: '' };
    const m = /^(.*):(\d+)$/.exec(entry);
    return m ? { host: m[1] ?? '', port: m[2] ?? '' } : { host: entry, port: '' };
}
/** Whether one NO_PROXY entry covers this host and port. */
function covers(entry, host, port) {
    if (entry.includes('/')) {
        const [address = '', bits = ''] = entry.split('/');
        const family = node_net__WEBPACK_IMPORTED_MODULE_0___default().isIP(address);
        const hostFamily = node_net__WEBPACK_IMPORTED_MODULE_0___default().isIP(host);
        if (family === 0 || hostFamily !== family || !/^\d+$/.test(bits))
            return false;
        const range = new (node_net__WEBPACK_IMPORTED_MODULE_0___default().BlockList)();
        range.addSubnet(address, Number(bits), family === 4 ? 'ipv4' : 'ipv6');
        return range.check(host, family === 4 ? 'ipv4' : 'ipv6');
    }
    const { host: name, port: only } = splitEntry(entry);
    if (name === '' || (only !== '' && only !== port))
        return false;
    if (node_net__WEBPACK_IMPORTED_MODULE_0___default().isIP(name) !== 0)
        return name === host;
    const domain = name.startsWith('*.') ? name.slice(1) : name;
    if (domain.startsWith('.'))
        return host.endsWith(domain);
    return host === domain || host.endsWith(`.${domain}`);
}
/** The proxy URL for a request to `url`; '' to go directly. */
function proxyFor(url, config) {
    const proxy = url.protocol === 'https:' ? config.https : url.protocol === 'http:' ? config.http : '';
    if (proxy === '')
        return '';
    const host = bareHost(url);
    if (isLoopback(host))
        return '';
    const port = url.port || DEFAULT_PORTS[url.protocol] || '';
    if (config.noProxy.includes('*'))
        return '';
    return config.noProxy.some(entry => covers(entry, host, port)) ? '' : proxy;
}
/** Whether any request could go through a proxy. */
function hasProxy(config) {
    return (config.https !== '' || config.http !== '') && !config.noProxy.includes('*');
}


/***/ }),

/***/ 3619:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Uu: () => (/* binding */ levelsAndKey),
/* harmony export */   W2: () => (/* binding */ onIndex),
/* harmony export */   kK: () => (/* binding */ onIndexOnly)
/* harmony export */ });
/**
 * The levels of an `annotations` entry, as buildx reads them: `[<levels>:]KEY=VALUE`, where
 * the levels are `manifest` (buildx's default), `index`, `index-descriptor`, each possibly
 * with a platform in brackets.
 */
/** `[<levels>:]KEY=VALUE` → its levels (buildx's default: manifest) and key. */
function levelsAndKey(annotation) {
    const k = annotation.slice(0, annotation.indexOf('='));
    const colon = k.lastIndexOf(':');
    const levels = colon === -1
        ? ['manifest']
        : k
            .slice(0, colon)
            .split(',')
            .map(l => l.replace(/\[.*\]$/, ''));
    return { levels, key: k.slice(colon + 1) };
}
/** Whether an annotation goes on an index (`index:` or `index-descriptor:` among its levels). */
const onIndex = (annotation) => levelsAndKey(annotation).levels.some(l => l.startsWith('index'));
/** An annotation only an index takes (every level `index` or `index-descriptor`): what a merge can set. */
const onIndexOnly = (annotation) => levelsAndKey(annotation).levels.every(l => l.startsWith('index'));


/***/ }),

/***/ 2460:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Zg: () => (/* binding */ REGION),
/* harmony export */   km: () => (/* binding */ readAws),
/* harmony export */   xG: () => (/* binding */ ROLE_ARN)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _registry_host_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5777);
/* harmony import */ var _input_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4781);
/** The `aws` section: region, the role to assume with the job's OIDC token, and its session. */




const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const REGION = /^[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
function readAws(env, needed) {
    const region = (0,_input_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.AwsRegion) || env.AWS_REGION || env.AWS_DEFAULT_REGION || '';
    if (region === '' && needed) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.AwsRegion, 'no region: set aws-region (e.g. us-east-1) or AWS_REGION in the job.');
    }
    if (region !== '' && !REGION.test(region)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.AwsRegion, `'${region}' is not an AWS region code: use one like us-east-1 or ap-northeast-2.`);
    }
    const roleToAssume = (0,_input_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.RoleToAssume);
    if (roleToAssume !== '' && !ROLE_ARN.test(roleToAssume)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.RoleToAssume, `'${roleToAssume}' is not an IAM role ARN: use arn:aws:iam::<12-digit account>:role/<name>.`);
    }
    const roleSessionName = (0,_input_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.RoleSessionName) || 'GitHubActions';
    if (!SESSION_NAME.test(roleSessionName)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.RoleSessionName, `'${roleSessionName}' is not a session name STS accepts: use 2–64 of letters, digits and + = , . @ _ -.`);
    }
    const audience = (0,_input_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.Audience) || 'sts.amazonaws.com';
    const aws = {
        region,
        audience,
        roleSessionName,
        roleDurationSeconds: (0,_input_js__WEBPACK_IMPORTED_MODULE_3__/* .parseInteger */ .cG)(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.RoleDurationSeconds, (0,_input_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.RoleDurationSeconds), { min: 900, max: 43200 }) ?? 3600,
        exportCredentials: (0,_input_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBoolean */ .yG)(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.ExportCredentials, (0,_input_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.ExportCredentials), false),
        dualStack: readDualStack(env, region)
    };
    if (roleToAssume !== '')
        aws.roleToAssume = roleToAssume;
    return aws;
}
/**
 * `dual-stack`, by default the SDK's own AWS_USE_DUALSTACK_ENDPOINT: ECR's IPv4-and-IPv6
 * names, for runners on IPv6-only networks. Refused in a partition where ECR has none.
 */
function readDualStack(env, region) {
    const fallback = (env.AWS_USE_DUALSTACK_ENDPOINT ?? '').trim().toLowerCase() === 'true';
    const dualStack = (0,_input_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBoolean */ .yG)(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.DualStack, (0,_input_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.DualStack), fallback);
    if (dualStack && region !== '' && !(0,_registry_host_js__WEBPACK_IMPORTED_MODULE_2__/* .dualStackSupported */ .f3)(region)) {
        const from = (0,_input_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.DualStack) !== '' ? 'dual-stack: true' : 'AWS_USE_DUALSTACK_ENDPOINT=true';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.DualStack, `${from}, but ECR has no dual-stack endpoints in ${region} (partition ${(0,_registry_host_js__WEBPACK_IMPORTED_MODULE_2__/* .partitionOf */ .iQ)(region)}): set dual-stack: false.`);
    }
    return dualStack;
}


/***/ }),

/***/ 8893:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dz: () => (/* binding */ DEFAULT_MERGE_TIMEOUT_SECONDS),
  lT: () => (/* binding */ readBuild),
  xe: () => (/* binding */ readCache)
});

// UNUSED EXPORTS: DEFAULT_PLATFORMS, perPlatformCacheTag, readAnnotations, readBuilder, readPlatforms, readProvenance, readSbomGenerator, readSplitBuild, validatePlatform

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(7242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/settings/input.ts
var input = __nccwpck_require__(4781);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
;// CONCATENATED MODULE: ./src/settings/build-options.ts
/**
 * docker/build-push-action's pass-through build options, under its names and with its
 * meaning: `build-contexts`, `no-cache`, `no-cache-filters`, `pull`, `ssh`, `network`,
 * `shm-size`, `ulimit`, `add-hosts`, `cache-from` / `cache-to` and `load`. Each reaches
 * buildx's argv as given, so none may carry a secret (an error here never echoes a value
 * that could be one); and where one would break a guarantee of this action — a cache ECR
 * refuses, a write into the repository's own tags, `load` on a pushed build — it is refused
 * with one line saying why.
 */






/** A Dockerfile stage name (`FROM … AS <name>`). */
const BUILD_STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const CONTEXT_NAME = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/;
const CONTEXT_SOURCE = /^(?:docker-image|oci-layout):\/\/\S+$|^target:[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const REMOTE = /^(?:https?:\/\/|git@|git:\/\/|ssh:\/\/)/;
/** A URL with a user (and maybe a password or token) before its host: on buildx's command line, in every log. */
const URL_USER = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*@/i;
const SSH_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const SHM_SIZE = /^[1-9]\d*(?:[bkmg]|[kmg]b)?$/i;
const ULIMIT_TYPES = ['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack'];
const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const NETWORKS = ['default', 'none', 'host'];
const CACHE_TYPES = ['registry', 'local', 'inline', 'gha', 's3', 'azblob'];
/** Cache attributes that hold a credential (s3's keys, gha's and azblob's tokens): buildx reads them from its environment. */
const CREDENTIAL_KEY = /secret|token|password|access_key|session/i;
const ECR_HOST = /^\d{12}\.dkr(?:\.ecr|-ecr)\.[a-z0-9-]+\.(?:amazonaws\.com(?:\.cn)?|on\.aws)\//;
/** The options given; undefined when none is (the argv is then what it always was). */
function readBuildOptions(env, run) {
    const options = {
        buildContexts: (0,input/* parseLines */.Li)((0,input/* getInput */.V4)(env, constants/* Input */.pd.BuildContexts)).map(c => buildContext(c, run.workspace)),
        noCache: (0,input/* parseBoolean */.yG)(constants/* Input */.pd.NoCache, (0,input/* getInput */.V4)(env, constants/* Input */.pd.NoCache), false),
        noCacheFilters: (0,input/* parseList */.E1)((0,input/* getInput */.V4)(env, constants/* Input */.pd.NoCacheFilters)).map(stage),
        pull: (0,input/* parseBoolean */.yG)(constants/* Input */.pd.Pull, (0,input/* getInput */.V4)(env, constants/* Input */.pd.Pull), false),
        ssh: readSsh(env, run.workspace),
        ulimits: (0,input/* parseLines */.Li)((0,input/* getInput */.V4)(env, constants/* Input */.pd.Ulimit)).map(ulimit),
        addHosts: (0,input/* parseList */.E1)((0,input/* getInput */.V4)(env, constants/* Input */.pd.AddHosts)).map(addHost),
        load: readLoad(env, run)
    };
    const network = (0,input/* getInput */.V4)(env, constants/* Input */.pd.Network).toLowerCase();
    if (network !== '') {
        if (!NETWORKS.includes(network))
            throw new errors/* InputError */.dz(constants/* Input */.pd.Network, `'${network}' is not a network BuildKit runs RUN steps on: use default, none or host.`);
        options.network = network;
    }
    const shmSize = (0,input/* getInput */.V4)(env, constants/* Input */.pd.ShmSize);
    if (shmSize !== '') {
        if (!SHM_SIZE.test(shmSize))
            throw new errors/* InputError */.dz(constants/* Input */.pd.ShmSize, `'${shmSize}' is not a size: give a number with an optional unit b, k, m or g, e.g. 2g.`);
        options.shmSize = shmSize;
    }
    const cacheFrom = (0,input/* parseLines */.Li)((0,input/* getInput */.V4)(env, constants/* Input */.pd.CacheFrom));
    if (cacheFrom.length > 0)
        options.cacheFrom = cacheFrom.map(spec => cacheSpec(constants/* Input */.pd.CacheFrom, spec, run.repository));
    const cacheTo = (0,input/* parseLines */.Li)((0,input/* getInput */.V4)(env, constants/* Input */.pd.CacheTo));
    if (cacheTo.length > 0)
        options.cacheTo = cacheTo.map(spec => cacheSpec(constants/* Input */.pd.CacheTo, spec, run.repository));
    const lists = [options.buildContexts, options.noCacheFilters, options.ssh, options.ulimits, options.addHosts];
    const given = lists.some(l => l.length > 0) || options.noCache || options.pull || options.load || ['network', 'shmSize', 'cacheFrom', 'cacheTo'].some(k => k in options);
    return given ? options : undefined;
}
/** `name=value`: a local folder (made absolute), an image, an OCI layout, another stage or a remote context without credentials. */
function buildContext(item, workspace) {
    const eq = item.indexOf('=');
    const name = item.slice(0, eq);
    const value = item.slice(eq + 1);
    if (eq < 1 || !CONTEXT_NAME.test(name) || value === '') {
        throw new errors/* InputError */.dz(constants/* Input */.pd.BuildContexts, `'${item.slice(0, 80)}' is not name=value: give one name=path (or docker-image://…, target:<stage>, a URL) per line.`);
    }
    if (URL_USER.test(value)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.BuildContexts, `the context '${name}' has credentials in its URL, which buildx would show on its command line: give them as a secret or use ssh.`);
    }
    if (CONTEXT_SOURCE.test(value) || REMOTE.test(value))
        return item;
    const dir = external_node_path_default().resolve(workspace, value);
    if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory()) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.BuildContexts, `the context '${name}': '${value}' is not a directory in the workspace: fix the path or check the files out first.`);
    }
    return `${name}=${dir}`;
}
function stage(name) {
    if (!BUILD_STAGE.test(name))
        throw new errors/* InputError */.dz(constants/* Input */.pd.NoCacheFilters, `'${name}' is not a build stage name: use the names after AS in the Dockerfile.`);
    return name;
}
/**
 * `default`, `<id>` (both the job's agent, SSH_AUTH_SOCK), or `<id>=<socket or key file>[,…]`:
 * paths only. A key itself would be on buildx's command line: refused, and never echoed.
 */
function readSsh(env, workspace) {
    const raw = (0,input/* getInput */.V4)(env, constants/* Input */.pd.Ssh);
    if (/-----BEGIN|PRIVATE KEY/.test(raw)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Ssh, 'holds a private key, which buildx would get on its command line: load it into an SSH agent (e.g. webfactory/ssh-agent) and give default, or give the path of a key file.');
    }
    return (0,input/* parseLines */.Li)(raw).map(item => {
        const eq = item.indexOf('=');
        const id = eq < 0 ? item : item.slice(0, eq);
        if (!SSH_ID.test(id))
            throw new errors/* InputError */.dz(constants/* Input */.pd.Ssh, `'${id.slice(0, 40)}' is not an ssh id: give default, or id=<agent socket or key file path>, one per line.`);
        if (eq < 0) {
            if ((env.SSH_AUTH_SOCK ?? '') === '')
                throw new errors/* InputError */.dz(constants/* Input */.pd.Ssh, `'${id}' uses the job's SSH agent, and SSH_AUTH_SOCK is not set: start an agent in an earlier step (e.g. webfactory/ssh-agent) or give ${id}=<socket path>.`);
            return id;
        }
        const paths = item
            .slice(eq + 1)
            .split(',')
            .map(p => p.trim());
        const resolved = paths.map(p => {
            const file = external_node_path_default().resolve(workspace, p);
            if (p === '' || !(0,external_node_fs_.existsSync)(file))
                throw new errors/* InputError */.dz(constants/* Input */.pd.Ssh, `the id '${id}': '${p.slice(0, 200)}' is no agent socket or key file on the runner: give the path of one.`);
            return file;
        });
        return `${id}=${resolved.join(',')}`;
    });
}
/** `type=soft[:hard]`, as `docker run --ulimit`. */
function ulimit(item) {
    const m = /^([a-z]+)=(-?\d+)(?::(-?\d+))?$/.exec(item);
    const [, type = '', soft = '', hard] = m ?? [];
    if (!m || !ULIMIT_TYPES.includes(type)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Ulimit, `'${item}' is not a ulimit: give type=soft[:hard] with type one of ${ULIMIT_TYPES.join(', ')}, e.g. nofile=1024:2048.`);
    }
    if (hard !== undefined && Number(hard) >= 0 && (Number(soft) < 0 || Number(soft) > Number(hard))) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Ulimit, `'${item}': the soft limit is above the hard one: give soft ≤ hard.`);
    }
    return item;
}
/** `name:ip` or `name=ip` (an IPv4 or IPv6 address, or host-gateway). */
function addHost(item) {
    const at = item.includes('=') ? item.indexOf('=') : item.indexOf(':');
    const name = item.slice(0, at);
    const ip = item.slice(at + 1);
    if (at < 1 || !HOST_NAME.test(name) || ((0,external_node_net_.isIP)(ip) === 0 && ip !== 'host-gateway')) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.AddHosts, `'${item}' is not host:ip: give a host name and an IPv4 or IPv6 address (or host-gateway), e.g. db.local:10.0.0.5.`);
    }
    return item;
}
function readLoad(env, run) {
    const load = (0,input/* parseBoolean */.yG)(constants/* Input */.pd.Load, (0,input/* getInput */.V4)(env, constants/* Input */.pd.Load), false);
    if (load && (run.push || run.pushesAnyway)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Load, 'is for push: false jobs that test the image before it ships: set push: false in that job (a pushed image is run from the registry).');
    }
    return load;
}
/**
 * A cache source or destination as buildx takes it: `type=…,key=value,…` or a bare image
 * reference (a registry cache). Refused: an unknown type, a credential among its attributes,
 * and — as a destination — a registry cache on ECR that isn't an OCI image manifest (ECR
 * refuses buildx's default cache index), a write into the run's own repository (its cache
 * tags are `cache: ecr`'s: mutable, per ref, under the lifecycle policy), or a mode
 * other than min or max.
 */
function cacheSpec(input, spec, repository) {
    const attrs = new Map();
    if (spec.includes('=')) {
        for (const part of spec.split(',')) {
            const eq = part.indexOf('=');
            if (eq < 1)
                throw new errors/* InputError */.dz(input, 'has an entry that is not key=value: give type=<type>,key=value,… or an image reference, one per line.');
            attrs.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
        }
    }
    else {
        attrs.set('type', 'registry').set('ref', spec);
    }
    const secret = [...attrs.keys()].find(k => CREDENTIAL_KEY.test(k));
    if (secret !== undefined) {
        throw new errors/* InputError */.dz(input, `has '${secret}', which buildx would get on its command line: leave it out and give the credential in the step's environment (AWS_* for s3, the runner's token for gha).`);
    }
    const type = attrs.get('type') ?? 'local';
    if (!CACHE_TYPES.includes(type))
        throw new errors/* InputError */.dz(input, `'${type}' is not a cache type: use ${CACHE_TYPES.join(', ')}.`);
    if (input === constants/* Input */.pd.CacheFrom)
        return spec;
    const mode = attrs.get('mode');
    if (mode !== undefined && mode !== 'min' && mode !== 'max')
        throw new errors/* InputError */.dz(input, `mode '${mode}' is not a cache mode: use min or max.`);
    const ref = type === 'registry' ? (attrs.get('ref') ?? '') : '';
    if (ECR_HOST.test(ref)) {
        const [, pathAndTag = ''] = /^[^/]+\/(.*)$/.exec(ref) ?? [];
        if (pathAndTag.replace(/[:@].*$/, '') === repository) {
            throw new errors/* InputError */.dz(input, `writes into ${repository} itself, whose tags are immutable versions or cache: ecr's per-ref cache: use cache: ecr (and cache-tag), or another repository.`);
        }
        if (attrs.get('image-manifest') !== 'true' || attrs.get('oci-mediatypes') === 'false') {
            throw new errors/* InputError */.dz(input, `'${ref}' is on ECR, which takes a registry cache only as an OCI image manifest: add image-manifest=true,oci-mediatypes=true.`);
        }
    }
    return spec;
}

;// CONCATENATED MODULE: ./src/settings/cache-scope.ts
/**
 * The registry cache per ref. Builds of the repository's default branch read and write the
 * cache tag itself (`buildcache`, or a push-by-digest job's `buildcache-linux-arm64`); a
 * build of any other ref — a branch, a tag, a pull request — reads that cache and its own,
 * and writes only its own, `<cache tag>--<ref slug>` (`buildcache--feature-x`,
 * `buildcache-linux-arm64--pr-12`). So a branch can't plant layers that a release build
 * then takes as CACHED. The `--` keeps every scoped tag apart from the default branch's
 * (whose per-platform suffixes are single-hyphen words) and gives the lifecycle policy one
 * pattern for them, `<cache-tag>*--*`.
 *
 * The default branch is read from the event payload (GITHUB_EVENT_PATH →
 * repository.default_branch). When it can't be read, the run counts as another ref: it
 * writes a scoped tag (fail closed).
 */

const SCOPE_SEPARATOR = '--';
/** A scoped tag keeps at least this much of the ref's name; a longer cache tag is refused. */
const MIN_SLUG = 8;
const MAX_TAG = 128;
/** The run's ref, from the runner's variables and its event payload (never from the network). */
function readRefInfo(env) {
    const info = { ref: env.GITHUB_REF ?? '' };
    const file = env.GITHUB_EVENT_PATH ?? '';
    if (file === '')
        return info;
    let payload;
    try {
        payload = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch {
        return info;
    }
    const branch = payload?.repository?.default_branch;
    if (typeof branch === 'string' && branch !== '')
        info.defaultBranch = branch;
    const number = payload?.pull_request?.number;
    if (env.GITHUB_EVENT_NAME?.startsWith('pull_request') && typeof number === 'number' && Number.isInteger(number))
        info.pullRequest = number;
    return info;
}
/**
 * Whether the run builds the default branch: a push (or dispatch, schedule …) on it. A
 * pull request never does, `pull_request_target` included (its GITHUB_REF is the base
 * branch, but what it builds may come from the pull request).
 */
function isDefaultBranch(info) {
    return info.defaultBranch !== undefined && info.pullRequest === undefined && info.ref === `refs/heads/${info.defaultBranch}`;
}
/**
 * The ref in a tag: `refs/heads/Feature/X` → `feature-x`, `refs/pull/12/merge` → `pr-12`,
 * `refs/tags/v1.2.3` → `v1.2.3`; lower case, `[a-z0-9._-]`, at most `max` characters.
 */
function refSlug(info, max) {
    const pr = /^refs\/pull\/(\d+)\//.exec(info.ref);
    const name = info.pullRequest !== undefined ? `pr-${info.pullRequest}` : pr ? `pr-${pr[1]}` : info.ref.replace(/^refs\/(?:heads|tags)\//, '').replace(/^refs\//, '');
    const trim = (s) => s.replace(/^[-._]+|[-._]+$/g, '');
    const slug = trim(trim(name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')).slice(0, max));
    return slug !== '' ? slug : 'no-ref';
}
/**
 * The cache tags of a run: what it writes (`tag`) and what it reads (`from`: its own first).
 * @param base the cache tag with a push-by-digest job's platform suffix
 * @returns undefined when `base` leaves less than MIN_SLUG characters for the ref
 */
function scopeCacheTag(base, info) {
    if (isDefaultBranch(info))
        return { tag: base, from: [base] };
    const room = MAX_TAG - base.length - SCOPE_SEPARATOR.length;
    if (room < MIN_SLUG)
        return undefined;
    const tag = `${base}${SCOPE_SEPARATOR}${refSlug(info, room)}`;
    return { tag, from: [tag, base] };
}
/** The lifecycle pattern of every ref's own cache, and none of the default branch's: `buildcache*--*`. */
const scopedCachePattern = (cacheTag) => `${cacheTag}*${SCOPE_SEPARATOR}*`;
/**
 * The `cache: gha` scope of a build: one per image and platform set, e.g.
 * `team/web-linux-amd64-linux-arm64`, `team/web-tests-linux-arm64` (with a target). buildx's
 * default scope, `buildkit`, is one per repository of GitHub's: each image's and each
 * per-platform job's cache write replaced the others'. GitHub keeps the cache per ref itself.
 */
function ghaScope(repository, platforms, target) {
    return [repository, ...(target !== undefined && target !== '' ? [target] : []), ...platforms.map(p => p.replace(/\//g, '-'))].join('-');
}

;// CONCATENATED MODULE: ./src/settings/secrets.ts
/**
 * What reaches buildx through its environment rather than its command line: build secrets
 * (`secrets`: id=value, `secret-envs`: id=VARIABLE) and the values of build arguments. An
 * error here names the input and the line, never the value — nor a part of the line that
 * failed to parse, which may be a value written without its id or key (a secret's line, a
 * continued line of a value of several lines).
 */



/** What `RUN --mount=type=secret,id=…` names: no comma or `=`, which would end buildx's `--secret` field. */
const SECRET_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const BUILD_ARG = /^[A-Za-z_][A-Za-z0-9_.-]*=/;
const SECRET_PREFIX = 'ECR_BUILD_PUSH_SECRET_';
/** The variable that carries the n-th value given in `secrets` (1-based). */
const secretVariable = (n) => `${SECRET_PREFIX}${n}`;
/**
 * Variables docker and buildx read from their own environment, where a build argument's
 * value would have to be set for the build: it would change how docker itself runs.
 */
const DOCKER_OWN = /^(?:PATH|HOME|LD_\w*|DOCKER_\w*|BUILDX_\w*)$/;
/** `id=value` (secrets) and `id=VARIABLE` (secret-envs), one per line; ids unique across both. */
function readSecrets(env) {
    const secrets = [];
    const add = (input, line, id, variable, value) => {
        if (!SECRET_ID.test(id)) {
            throw new errors/* InputError */.dz(input, `line ${line}: what stands before = is not a secret id: use letters, digits, _ . - (the id in RUN --mount=type=secret,id=…).`);
        }
        if (secrets.some(s => s.id === id))
            throw new errors/* InputError */.dz(input, `line ${line}: the secret '${id}' is given twice: give each id once across secrets and secret-envs.`);
        if (value === undefined || value === '') {
            throw new errors/* InputError */.dz(input, input === constants/* Input */.pd.Secrets
                ? `line ${line}: the secret '${id}' is empty (a repository secret that doesn't exist is empty in \${{ secrets.… }}): give it a value or remove the line.`
                : `line ${line}: the secret '${id}' reads ${variable}, which is not set (or empty) in the step's environment: set it with env: on the step.`);
        }
        secrets.push({ id, env: variable, value });
    };
    (0,input/* parseLines */.Li)((0,input/* getInput */.V4)(env, constants/* Input */.pd.Secrets)).forEach((item, i) => {
        const at = item.indexOf('=');
        // Never the line itself in the message: it may be a value written without its id.
        if (at <= 0)
            throw new errors/* InputError */.dz(constants/* Input */.pd.Secrets, `line ${i + 1} is not id=value: give one id=value per line.`);
        add(constants/* Input */.pd.Secrets, i + 1, item.slice(0, at).trim(), secretVariable(secrets.length + 1), item.slice(at + 1));
    });
    (0,input/* parseLines */.Li)((0,input/* getInput */.V4)(env, constants/* Input */.pd.SecretEnvs)).forEach((item, i) => {
        const [id = '', variable = '', ...rest] = item.split('=').map(s => s.trim());
        if (rest.length > 0 || !VARIABLE.test(variable)) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.SecretEnvs, `line ${i + 1} is not id=VARIABLE: give the secret's id and the name of the variable that holds it (not its value), e.g. token=GH_TOKEN.`);
        }
        add(constants/* Input */.pd.SecretEnvs, i + 1, id, variable, env[variable]);
    });
    return secrets;
}
/** `build-args`: KEY=VALUE lines, whose names become variables of buildx's environment. */
function readBuildArgs(env) {
    const args = (0,input/* parseLines */.Li)((0,input/* getInput */.V4)(env, constants/* Input */.pd.BuildArgs));
    for (const [i, arg] of args.entries()) {
        const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
        if (!BUILD_ARG.test(arg)) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.BuildArgs, `line ${i + 1} is not KEY=VALUE: give one KEY=VALUE per line, the KEY of letters, digits, _ . - (a value can't go on over several lines).`);
        }
        if (DOCKER_OWN.test(name)) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.BuildArgs, `'${name}' is a variable docker reads itself, and a build argument's value is handed to buildx in its environment: give the ARG another name.`);
        }
    }
    return args;
}
/**
 * A name that is both a secret — its id, or the variable that carries it to buildx — and a
 * build argument is refused before anything runs. `--build-arg NAME` takes the value of
 * buildx's variable NAME, which the image's history keeps: a build argument named like the
 * secret's variable would get the secret's value, and one named like its id is most likely
 * the same value passed twice (as `build-args: NPM_TOKEN=…` beside `secrets: NPM_TOKEN=…`).
 */
function keepSecretsApart(buildArgs, secrets) {
    const argNames = new Set(buildArgs.map(arg => arg.slice(0, arg.indexOf('='))));
    for (const secret of secrets) {
        const from = secret.env.startsWith(SECRET_PREFIX) ? constants/* Input */.pd.Secrets : constants/* Input */.pd.SecretEnvs;
        const name = [secret.id, secret.env].find(n => argNames.has(n));
        if (name === undefined)
            continue;
        throw new errors/* InputError */.dz(from, name === secret.id
            ? `'${name}' is a secret and, in build-args, a build argument too: a build argument's value stays in the image's history, where anyone who can pull reads it. Drop the build argument and read the value with RUN --mount=type=secret,id=${name}.`
            : `${name}, the variable that carries the secret '${secret.id}', is also a build argument in build-args: buildx would give the build argument the secret's value, and the image's history keeps it. Rename the build argument (or the variable).`);
    }
    return { buildArgs, secrets };
}

// EXTERNAL MODULE: ./src/settings/annotations.ts
var annotations = __nccwpck_require__(3619);
;// CONCATENATED MODULE: ./src/settings/build.ts
/** The `build` section: platforms, context and Dockerfile, build arguments, cache, attestations, per-platform pushes. */









/** The platforms built when the workflow names none. */
const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64'];
/** How long one try of a merge (`buildx imagetools create`) may take by default, in seconds: it moves manifests only, a few requests. */
const DEFAULT_MERGE_TIMEOUT_SECONDS = 120;
const PLATFORM_OS = ['linux', 'windows'];
const PLATFORM_ARCH = ['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64', 'mips64le', 'loong64'];
const REMOTE_CONTEXT = /^(?:https?:\/\/|git@|git:\/\/)/;
/** buildx builder names (a letter first) and docker context names, whose docker-driver builders take the context's name. */
const BUILDER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.+-]*$/;
function validatePlatform(platform) {
    const [os, arch, variant, ...rest] = platform.split('/');
    const ok = os !== undefined && PLATFORM_OS.includes(os) && arch !== undefined && PLATFORM_ARCH.includes(arch) && rest.length === 0 && (variant === undefined || /^v\d+$/.test(variant));
    if (!ok) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Platforms, `'${platform}' is not a platform buildx knows: use os/arch[/variant], e.g. linux/amd64,linux/arm64.`);
    }
    return platform;
}
const build_CACHE_TYPES = ['ecr', 'gha', 'none'];
const PROVENANCE = /^(?:true|false|mode=(?:min|max))$/;
/**
 * Empty: the registry cache for private repositories, none for public ones (it would
 * publish every build stage). A push-by-digest job builds its platforms apart from the
 * others, so it keeps a cache of its own, `<cache-tag>-<platform>`: parallel jobs don't
 * overwrite each other's. A run of another ref than the default branch writes only a cache
 * of its own beside it (cache-scope.ts). `filter` (`<cache-tag>*`) covers them all;
 * `scoped` (`<cache-tag>*--*`) only the other refs' ones.
 */
function readCache(env, registryType) {
    const typeInput = (0,input/* getInput */.V4)(env, constants/* Input */.pd.Cache) || (registryType === 'public' ? 'none' : 'ecr');
    const type = typeInput.toLowerCase();
    if (!build_CACHE_TYPES.includes(type)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Cache, `'${typeInput}' is not a cache: use ecr, gha or none.`);
    }
    const base = (0,input/* validateTag */.z7)(constants/* Input */.pd.CacheTag, (0,input/* getInput */.V4)(env, constants/* Input */.pd.CacheTag) || 'buildcache');
    const pushByDigest = (0,input/* parseBoolean */.yG)(constants/* Input */.pd.PushByDigest, (0,input/* getInput */.V4)(env, constants/* Input */.pd.PushByDigest), false);
    const own = pushByDigest ? perPlatformCacheTag(base, readPlatforms(env)) : base;
    // `<cache-tag>*` is a tag-mutability filter and lifecycle pattern too: 128 characters at most.
    if (!input/* IMAGE_TAG */.Ne.test(own) || base.length > 127) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.CacheTag, `'${base}' is too long${own !== base ? ` for this job's per-platform cache tag '${own}'` : ''}: use at most ${Math.min(127, 128 - (own.length - base.length))} characters.`);
    }
    const names = { filter: `${base}*`, scoped: scopedCachePattern(base) };
    if (type === 'gha')
        return { type, tag: own, from: [own], scope: ghaScope((0,input/* getInput */.V4)(env, constants/* Input */.pd.Repository), readPlatforms(env), (0,input/* getInput */.V4)(env, constants/* Input */.pd.Target)), ...names };
    if (type !== 'ecr')
        return { type, tag: own, from: [own], ...names };
    const scope = scopeCacheTag(own, readRefInfo(env));
    if (scope === undefined) {
        const most = 128 - SCOPE_SEPARATOR.length - MIN_SLUG - (own.length - base.length);
        throw new errors/* InputError */.dz(constants/* Input */.pd.CacheTag, `'${base}' leaves no room for this ref's own cache tag ('${own}${SCOPE_SEPARATOR}<ref>'): use at most ${most} characters.`);
    }
    return { type, ...scope, ...names };
}
/** `buildcache` + linux/arm64 → `buildcache-linux-arm64`. */
function perPlatformCacheTag(base, platforms) {
    return [base, ...platforms.map(p => p.replace(/\//g, '-'))].join('-');
}
function readPlatforms(env) {
    const listed = (0,input/* parseList */.E1)((0,input/* getInput */.V4)(env, constants/* Input */.pd.Platforms));
    return [...new Set((listed.length > 0 ? listed : DEFAULT_PLATFORMS).map(validatePlatform))];
}
/** `builder`: the name of a builder an earlier step created (docker buildx create, setup-buildx-action, a docker context). */
function readBuilder(env) {
    const name = (0,input/* getInput */.V4)(env, constants/* Input */.pd.Builder);
    if (name === '')
        return undefined;
    if (!BUILDER_NAME.test(name)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Builder, `'${name}' is not a builder name: give the name of a builder an earlier step created (docker buildx ls lists them), or leave it empty for the job's current builder.`);
    }
    return name;
}
function readBuild(env, workspace, cache) {
    const platforms = readPlatforms(env);
    const contextInput = (0,input/* getInput */.V4)(env, constants/* Input */.pd.Context) || '.';
    const remote = REMOTE_CONTEXT.test(contextInput);
    const context = remote ? contextInput : external_node_path_default().resolve(workspace, contextInput);
    if (!remote && !((0,external_node_fs_.existsSync)(context) && (0,external_node_fs_.statSync)(context).isDirectory())) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Context, `'${contextInput}' is not a directory in the workspace: check out the code first (actions/checkout) or fix the path.`);
    }
    const fileInput = (0,input/* getInput */.V4)(env, constants/* Input */.pd.File);
    let file = '';
    if (fileInput !== '') {
        file = external_node_path_default().resolve(workspace, fileInput);
        if (!(0,external_node_fs_.existsSync)(file))
            throw new errors/* InputError */.dz(constants/* Input */.pd.File, `'${fileInput}' does not exist: give the Dockerfile's path.`);
    }
    else if (!remote) {
        file = external_node_path_default().join(context, 'Dockerfile');
        if (!(0,external_node_fs_.existsSync)(file)) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.File, `there is no Dockerfile in '${contextInput}': add one or give its path in 'file'.`);
        }
    }
    const target = (0,input/* getInput */.V4)(env, constants/* Input */.pd.Target);
    if (target !== '' && !BUILD_STAGE.test(target)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Target, `'${target}' is not a build stage name: use the name after AS in the Dockerfile.`);
    }
    const settings = {
        platforms,
        context,
        file,
        ...keepSecretsApart(readBuildArgs(env), readSecrets(env)),
        labels: (0,input/* readKeyValues */._Z)(constants/* Input */.pd.Labels, (0,input/* getInput */.V4)(env, constants/* Input */.pd.Labels)),
        annotations: readAnnotations((0,input/* getInput */.V4)(env, constants/* Input */.pd.Annotations)),
        push: (0,input/* parseBoolean */.yG)(constants/* Input */.pd.Push, (0,input/* getInput */.V4)(env, constants/* Input */.pd.Push), true),
        cache,
        provenance: readProvenance(env),
        sbom: (0,input/* parseBoolean */.yG)(constants/* Input */.pd.Sbom, (0,input/* getInput */.V4)(env, constants/* Input */.pd.Sbom), false),
        ...readSplitBuild(env)
    };
    // buildx makes an index for several platforms only; a merge (merge-digests) sets the index's, a push-by-digest job leaves them to it.
    const indexed = settings.annotations.find(annotations/* onIndex */.W2);
    if (indexed !== undefined && platforms.length < 2 && !settings.pushByDigest && settings.mergeDigests.length === 0) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Annotations, `'${indexed.slice(0, 120)}' goes on an index, and a build of one platform has none: use the manifest level, or build several platforms.`);
    }
    const generator = readSbomGenerator(env, settings.sbom);
    if (generator !== undefined)
        settings.sbomGenerator = generator;
    if (target !== '')
        settings.target = target;
    const options = readBuildOptions(env, {
        workspace,
        repository: (0,input/* getInput */.V4)(env, constants/* Input */.pd.Repository),
        push: settings.push,
        pushesAnyway: settings.pushByDigest || settings.mergeDigests.length > 0
    });
    if (options !== undefined)
        settings.options = options;
    const builder = readBuilder(env);
    if (builder !== undefined)
        settings.builder = builder;
    return settings;
}
const ANNOTATION_LEVEL = '(?:manifest|index|manifest-descriptor|index-descriptor)(?:\\[[a-z0-9]+/[a-z0-9]+(?:/v\\d+)?\\])?';
/** buildx's `--annotation`: `[<level>[,<level>]:]KEY=VALUE`, the level `manifest` when none is given. */
const ANNOTATION = new RegExp(`^(?:${ANNOTATION_LEVEL}(?:,${ANNOTATION_LEVEL})*:)?[A-Za-z0-9][A-Za-z0-9._/-]*=`);
/** `annotations`: one `[<level>:]KEY=VALUE` per line, as docker/metadata-action's `annotations` output gives them. */
function readAnnotations(value) {
    const items = (0,input/* parseLines */.Li)(value);
    for (const item of items) {
        if (!ANNOTATION.test(item)) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.Annotations, `'${item.slice(0, 120)}' is not [level:]KEY=VALUE: one per line, the level manifest, index, manifest-descriptor or index-descriptor (default manifest).`);
        }
    }
    return items;
}
/** `push-by-digest`, or `merge-digests` with the bound of one try of the merge (`merge-timeout`, seconds). */
function readSplitBuild(env) {
    const pushByDigest = (0,input/* parseBoolean */.yG)(constants/* Input */.pd.PushByDigest, (0,input/* getInput */.V4)(env, constants/* Input */.pd.PushByDigest), false);
    const mergeDigests = [...new Set((0,input/* parseList */.E1)((0,input/* getInput */.V4)(env, constants/* Input */.pd.MergeDigests)))];
    for (const d of mergeDigests) {
        if (!/^sha256:[0-9a-f]{64}$/.test(d)) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.MergeDigests, `'${d}' is not an image digest: give the sha256:… digests the push-by-digest runs output.`);
        }
    }
    if (pushByDigest && mergeDigests.length > 0) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.MergeDigests, 'is given together with push-by-digest: push each platform by digest first, then merge in a later job.');
    }
    const mergeTimeoutSeconds = (0,input/* parseInteger */.cG)(constants/* Input */.pd.MergeTimeout, (0,input/* getInput */.V4)(env, constants/* Input */.pd.MergeTimeout), { min: 10, max: 3600 }) ?? DEFAULT_MERGE_TIMEOUT_SECONDS;
    return { pushByDigest, mergeDigests, mergeTimeoutSeconds };
}
/** An image reference: `[host[:port]/]path[:tag][@sha256:…]`, lowercase path. */
const IMAGE_REFERENCE = /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;
/** `sbom-generator`: BuildKit's SBOM generator image (`generator=`); only with `sbom: true`. */
function readSbomGenerator(env, sbom) {
    const image = (0,input/* getInput */.V4)(env, constants/* Input */.pd.SbomGenerator);
    if (image === '')
        return undefined;
    if (!sbom)
        throw new errors/* InputError */.dz(constants/* Input */.pd.SbomGenerator, 'is set but sbom is false: set sbom: true, or remove sbom-generator.');
    if (!IMAGE_REFERENCE.test(image))
        throw new errors/* InputError */.dz(constants/* Input */.pd.SbomGenerator, `'${image}' is not an image reference: give the generator image, e.g. docker/buildkit-syft-scanner:stable-1.`);
    return image;
}
function readProvenance(env) {
    const value = (0,input/* getInput */.V4)(env, constants/* Input */.pd.Provenance) || 'mode=min';
    if (!PROVENANCE.test(value)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Provenance, `'${value}' is not a provenance setting: use false, true, mode=min or mode=max.`);
    }
    return value;
}


/***/ }),

/***/ 4781:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   IQ: () => (/* binding */ policySource),
/* harmony export */   Li: () => (/* binding */ parseLines),
/* harmony export */   Ne: () => (/* binding */ IMAGE_TAG),
/* harmony export */   OG: () => (/* binding */ readPolicyText),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   _Z: () => (/* binding */ readKeyValues),
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   yG: () => (/* binding */ parseBoolean),
/* harmony export */   z7: () => (/* binding */ validateTag)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3916);
/**
 * How the runner hands inputs to the step (`INPUT_<NAME>`) and the parsers every section
 * of the settings shares: lists, booleans, whole numbers, tags, policy files.
 */



/** The value the runner passes for an input (`INPUT_<NAME>`), trimmed; '' when unset. */
function getInput(env, name) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** Items of a list input: separated by commas or newlines, trimmed, empties dropped. */
function parseList(value) {
    return value
        .split(/[,\n]/)
        .map(s => s.trim())
        .filter(s => s !== '');
}
/** Items of a one-per-line input (values may contain commas). */
function parseLines(value) {
    return value
        .split('\n')
        .map(s => s.trim())
        .filter(s => s !== '');
}
function parseBoolean(name, value, fallback) {
    if (value === '')
        return fallback;
    const v = value.toLowerCase();
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(name, `'${value}' is not a boolean: use true or false.`);
}
function parseInteger(name, value, range) {
    if (value === '')
        return undefined;
    if (!/^\d+$/.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(name, `'${value}' is not a whole number: use a number from ${range.min} to ${range.max}.`);
    }
    const n = Number(value);
    if (n < range.min || n > range.max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(name, `${value} is out of range: use a number from ${range.min} to ${range.max}.`);
    }
    return n;
}
/** Docker image tags: what `docker buildx build --tag` and ECR both accept. */
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
function validateTag(input, tag) {
    if (!IMAGE_TAG.test(tag)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `'${tag}' is not a valid image tag: use up to 128 letters, digits, _ . - (not starting with . or -).`);
    }
    return tag;
}
/**
 * A policy input: the JSON itself, or a path (relative to the workspace) to a JSON file.
 * An error echoes the value only when it reads as a path (one short line): never policy text.
 */
function readPolicyText(name, value, workspace) {
    if (value.startsWith('{') || value.startsWith('['))
        return { text: value };
    const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace, value);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isFile()) {
        const shown = /^[^\n]{1,200}$/.test(value) ? `'${value}' is` : 'is';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(name, `${shown} neither JSON nor a file in the workspace: give the policy JSON or a path to it.`);
    }
    return { text: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'), file: value };
}
/** How an error names a policy: the file it came from, if any. */
const policySource = (file) => (file === undefined ? '' : `the file '${file}' `);
function readKeyValues(name, value) {
    const items = parseLines(value);
    for (const item of items) {
        if (!KEY_VALUE.test(item)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(name, `'${item}' is not KEY=VALUE: give one KEY=VALUE per line.`);
        }
    }
    return items;
}
const KEY_VALUE = /^[A-Za-z_][A-Za-z0-9_.-]*=/;


/***/ }),

/***/ 5940:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DO: () => (/* binding */ readLifecycle),
/* harmony export */   Jl: () => (/* binding */ lifecyclePoliciesEqual),
/* harmony export */   Pb: () => (/* binding */ DEFAULT_LIFECYCLE),
/* harmony export */   sj: () => (/* binding */ formatLifecyclePolicy)
/* harmony export */ });
/* unused harmony exports MAX_POLICY_LENGTH, MAX_RULES, MAX_WILDCARDS, REFERRER_TAGS, validateLifecyclePolicy, generateLifecyclePolicy */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8301);
/* harmony import */ var _input_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4781);
/**
 * ECR lifecycle policies: validation with ECR's documented rules, the policy generated from
 * the `lifecycle-*` shorthand inputs, and comparison. Pure: no I/O.
 *
 * Sources: Amazon ECR User Guide, "Lifecycle policy properties", "How lifecycle policies
 * work" (evaluation rules) and "Examples of lifecycle policies"; ECR API Reference,
 * PutLifecyclePolicy (lifecyclePolicyText: 100–30,720 characters).
 * A policy ECR accepts must never be refused here; where the documentation is silent, the
 * check is left out.
 */




const MAX_POLICY_LENGTH = 30720;
const MAX_RULES = 50;
const MAX_WILDCARDS = 4;
/** The tags of referrers: the OCI tag schema's `sha256-<hex>` and the action's own `sha256-<hex>.<hex>`. */
const REFERRER_TAGS = 'sha256-*';
/** The policy the action puts when the workflow states none. */
const DEFAULT_LIFECYCLE = { keepCount: 100, untaggedDays: 14, protectTags: ['latest'] };
const RULE_KEYS = ['rulePriority', 'description', 'selection', 'action'];
const SELECTION_KEYS = ['tagStatus', 'tagPatternList', 'tagPrefixList', 'storageClass', 'countType', 'countUnit', 'countNumber'];
const ACTION_KEYS = ['type', 'targetStorageClass'];
const COUNT_TYPES = ['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled', 'sinceImageTransitioned'];
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInteger = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1;
function unknownKey(obj, allowed) {
    return Object.keys(obj).find(k => !allowed.includes(k));
}
/**
 * Parses and validates a lifecycle policy. Throws `InputError(input, …)` at the first
 * problem, naming where it is (`rules[1].selection.countNumber`) and what to change.
 */
function validateLifecyclePolicy(text, input, file) {
    const fail = (where, what) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, where === '' ? what : `${where}: ${what}`);
    };
    if (text.length > MAX_POLICY_LENGTH) {
        fail('', `the policy is ${text.length} characters; ECR takes at most ${MAX_POLICY_LENGTH}.`);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return fail('', `${(0,_input_js__WEBPACK_IMPORTED_MODULE_2__/* .policySource */ .IQ)(file)}is not valid JSON ${(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .describeJsonError */ .M1)(text)}: give a lifecycle policy in ECR's JSON format.`);
    }
    if (!isObject(parsed))
        return fail('', 'the policy must be a JSON object with a "rules" list.');
    const extra = unknownKey(parsed, ['rules']);
    if (extra !== undefined)
        fail('', `unknown property "${extra}": a lifecycle policy has only "rules".`);
    const rules = parsed.rules;
    if (!Array.isArray(rules) || rules.length === 0)
        fail('rules', 'give a list of 1 to 50 rules.');
    if (rules.length > MAX_RULES)
        fail('rules', `has ${rules.length} rules; ECR takes at most ${MAX_RULES}.`);
    const seen = new Map();
    const untaggedRule = new Map();
    rules.forEach((rule, i) => {
        const at = `rules[${i}]`;
        if (!isObject(rule))
            return fail(at, 'each rule must be an object with rulePriority, selection and action.');
        const bad = unknownKey(rule, RULE_KEYS);
        if (bad !== undefined)
            fail(at, `unknown property "${bad}": a rule has ${RULE_KEYS.join(', ')}.`);
        if (!isPositiveInteger(rule.rulePriority))
            fail(`${at}.rulePriority`, 'must be a whole number of 1 or more.');
        const priority = rule.rulePriority;
        if (seen.has(priority))
            fail(`${at}.rulePriority`, `${priority} is also the priority of rules[${seen.get(priority)}]: each rule needs its own.`);
        seen.set(priority, i);
        if (rule.description !== undefined && typeof rule.description !== 'string')
            fail(`${at}.description`, 'must be a string.');
        const sel = rule.selection;
        if (!isObject(sel))
            return fail(`${at}.selection`, 'is required: an object with tagStatus, countType and countNumber.');
        const badSel = unknownKey(sel, SELECTION_KEYS);
        if (badSel !== undefined)
            fail(`${at}.selection`, `unknown property "${badSel}": a selection has ${SELECTION_KEYS.join(', ')}.`);
        const status = sel.tagStatus;
        if (status !== 'tagged' && status !== 'untagged' && status !== 'any') {
            fail(`${at}.selection.tagStatus`, 'must be "tagged", "untagged" or "any".');
        }
        const lists = ['tagPatternList', 'tagPrefixList'].filter(k => sel[k] !== undefined);
        if (status === 'tagged') {
            if (lists.length !== 1) {
                fail(`${at}.selection`, 'a "tagged" rule needs exactly one of tagPatternList or tagPrefixList.');
            }
            const key = lists[0];
            const list = sel[key];
            if (!Array.isArray(list) || list.length === 0 || !list.every(t => typeof t === 'string' && t !== '')) {
                fail(`${at}.selection.${key}`, 'must be a non-empty list of tag strings.');
            }
            if (key === 'tagPatternList') {
                for (const pattern of list) {
                    if ((pattern.match(/\*/g) ?? []).length > MAX_WILDCARDS) {
                        fail(`${at}.selection.tagPatternList`, `"${pattern}" has more than ${MAX_WILDCARDS} wildcards (*).`);
                    }
                }
            }
        }
        else if (lists.length > 0) {
            fail(`${at}.selection.${lists[0]}`, `a "${String(status)}" rule takes no tag list: remove it or use tagStatus "tagged".`);
        }
        if (status === 'untagged') {
            const storageKey = String(sel.storageClass ?? 'standard');
            const earlier = untaggedRule.get(storageKey);
            if (earlier !== undefined) {
                fail(`${at}.selection.tagStatus`, `only one rule may select untagged images, and rules[${earlier}] already does.`);
            }
            untaggedRule.set(storageKey, i);
        }
        const countType = sel.countType;
        if (!COUNT_TYPES.includes(countType))
            fail(`${at}.selection.countType`, `must be one of ${COUNT_TYPES.join(', ')}.`);
        if (countType === 'imageCountMoreThan') {
            if (sel.countUnit !== undefined)
                fail(`${at}.selection.countUnit`, 'imageCountMoreThan takes no countUnit: remove it.');
        }
        else if (sel.countUnit !== 'days') {
            fail(`${at}.selection.countUnit`, `${countType} needs "countUnit": "days".`);
        }
        if (!isPositiveInteger(sel.countNumber))
            fail(`${at}.selection.countNumber`, 'must be a whole number of 1 or more.');
        const storage = sel.storageClass;
        if (storage !== undefined && storage !== 'standard' && storage !== 'archive') {
            fail(`${at}.selection.storageClass`, 'must be "standard" or "archive".');
        }
        if (countType === 'sinceImageTransitioned' && storage !== 'archive') {
            fail(`${at}.selection.storageClass`, 'sinceImageTransitioned selects archived images: set "storageClass": "archive".');
        }
        const action = rule.action;
        if (!isObject(action))
            return fail(`${at}.action`, 'is required: {"type": "expire"} or {"type": "transition", "targetStorageClass": "archive"}.');
        const badAction = unknownKey(action, ACTION_KEYS);
        if (badAction !== undefined)
            fail(`${at}.action`, `unknown property "${badAction}": an action has type and targetStorageClass.`);
        if (action.type === 'expire') {
            if (action.targetStorageClass !== undefined)
                fail(`${at}.action.targetStorageClass`, 'is only for "transition": remove it.');
        }
        else if (action.type === 'transition') {
            if (action.targetStorageClass !== 'archive')
                fail(`${at}.action.targetStorageClass`, 'a transition needs "targetStorageClass": "archive".');
            if (storage === 'archive')
                fail(`${at}.selection.storageClass`, 'archived images can only be expired, not transitioned to archive again.');
            if (countType === 'sinceImageTransitioned')
                fail(`${at}.selection.countType`, 'a transition selects by sinceImagePushed, sinceImagePulled or imageCountMoreThan.');
        }
        else {
            fail(`${at}.action.type`, 'must be "expire" or "transition".');
        }
    });
    // Evaluated last: a rule with tagStatus "any" must have the highest priority. Rules on
    // archived images (storageClass "archive") are evaluated apart from those on standard ones.
    const typed = rules.map((r, i) => ({ r, i, storage: r.selection.storageClass ?? 'standard' }));
    for (const { r, i, storage } of typed) {
        const peers = typed.filter(t => t.storage === storage);
        const highest = Math.max(...peers.map(t => t.r.rulePriority));
        if (r.selection.tagStatus === 'any' && r.rulePriority !== highest) {
            fail(`rules[${i}].rulePriority`, `a rule with tagStatus "any" must have the highest rulePriority (${highest} is higher): renumber it to be evaluated last.`);
        }
    }
    return parsed;
}
/**
 * The policy for the shorthand inputs. ECR never lets a lower-priority rule expire an image
 * that a higher-priority rule's tag selection matched, so each protected pattern gets a
 * first rule of its own that selects it and can never expire anything in practice (more than
 * 10,000 images under one pattern would be needed; ECR's default quota is 20,000 images per
 * repository and a protected tag such as `latest` names one). Patterns go in separate rules
 * because a tag list in one rule selects only images that match every entry.
 */
function generateLifecyclePolicy(opts) {
    const rules = [];
    if (opts.expireFirst !== undefined) {
        const { pattern, days } = opts.expireFirst;
        rules.push({
            rulePriority: 1,
            description: `Expire the caches of refs other than the default branch (${pattern}) after ${days} days`,
            selection: { tagStatus: 'tagged', tagPatternList: [pattern], countType: 'sinceImagePushed', countUnit: 'days', countNumber: days },
            action: { type: 'expire' }
        });
    }
    for (const pattern of opts.protectTags) {
        rules.push({
            rulePriority: rules.length + 1,
            description: `Protect ${pattern}`,
            selection: { tagStatus: 'tagged', tagPatternList: [pattern], countType: 'imageCountMoreThan', countNumber: 10000 },
            action: { type: 'expire' }
        });
    }
    rules.push({
        rulePriority: rules.length + 1,
        description: `Expire untagged images after ${opts.untaggedDays} days`,
        selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: opts.untaggedDays },
        action: { type: 'expire' }
    });
    if (opts.expireDays !== undefined) {
        rules.push({
            rulePriority: rules.length + 1,
            description: `Expire tagged images after ${opts.expireDays} days`,
            selection: { tagStatus: 'tagged', tagPatternList: ['*'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: opts.expireDays },
            action: { type: 'expire' }
        });
    }
    else {
        const keep = opts.keepCount ?? DEFAULT_LIFECYCLE.keepCount;
        rules.push({
            rulePriority: rules.length + 1,
            description: `Keep the newest ${keep} tagged images`,
            selection: { tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: keep },
            action: { type: 'expire' }
        });
    }
    return { rules };
}
/** Key order and white space don't matter; rules are compared in priority order (as ECR applies them). */
function byPriority(policy) {
    const parsed = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJson */ .qF)(policy);
    if (isObject(parsed) && Array.isArray(parsed.rules)) {
        const rules = [...parsed.rules].sort((a, b) => (a.rulePriority ?? 0) - (b.rulePriority ?? 0));
        return { ...parsed, rules };
    }
    return parsed;
}
function lifecyclePoliciesEqual(a, b) {
    return (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .sameJson */ .Vk)(byPriority(a), byPriority(b));
}
/** The text sent to ECR. */
function formatLifecyclePolicy(policy) {
    return JSON.stringify(policy);
}
/**
 * The lifecycle policy the workflow states: `lifecycle-policy` (JSON or a file), the
 * `lifecycle-*` shorthand, or neither (the default).
 * @param defaults the patterns protected unless `lifecycle-protect-tags` is given, and the
 *   pattern of other refs' registry caches, expired after `lifecycle-untagged-days` with them
 */
function readLifecycle(env, workspace, defaults) {
    const policyInput = (0,_input_js__WEBPACK_IMPORTED_MODULE_2__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.LifecyclePolicy);
    const keepCount = (0,_input_js__WEBPACK_IMPORTED_MODULE_2__/* .parseInteger */ .cG)(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.LifecycleKeepCount, (0,_input_js__WEBPACK_IMPORTED_MODULE_2__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.LifecycleKeepCount), { min: 1, max: 10000 });
    const expireDays = (0,_input_js__WEBPACK_IMPORTED_MODULE_2__/* .parseInteger */ .cG)(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.LifecycleExpireDays, (0,_input_js__WEBPACK_IMPORTED_MODULE_2__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.LifecycleExpireDays), { min: 1, max: 36500 });
    const untaggedDays = (0,_input_js__WEBPACK_IMPORTED_MODULE_2__/* .parseInteger */ .cG)(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.LifecycleUntaggedDays, (0,_input_js__WEBPACK_IMPORTED_MODULE_2__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.LifecycleUntaggedDays), {
        min: 1,
        max: 36500
    });
    const protectInput = (0,_input_js__WEBPACK_IMPORTED_MODULE_2__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.LifecycleProtectTags);
    const protectTags = (0,_input_js__WEBPACK_IMPORTED_MODULE_2__/* .parseList */ .E1)(protectInput);
    for (const t of protectTags) {
        if (!/^[A-Za-z0-9_.*-]{1,128}$/.test(t) || (t.match(/\*/g) ?? []).length > 4) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.LifecycleProtectTags, `'${t}' is not a tag pattern ECR accepts: use letters, digits, _ . - and at most 4 * wildcards.`);
        }
    }
    const shorthandStated = keepCount !== undefined || expireDays !== undefined || untaggedDays !== undefined || protectInput !== '';
    if (policyInput !== '') {
        if (shorthandStated) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.LifecyclePolicy, 'is given together with lifecycle-keep-count / -expire-days / -untagged-days / -protect-tags: use either the full policy or the shorthand inputs.');
        }
        const { text, file } = (0,_input_js__WEBPACK_IMPORTED_MODULE_2__/* .readPolicyText */ .OG)(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.LifecyclePolicy, policyInput, workspace);
        return { stated: true, policy: validateLifecyclePolicy(text, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.LifecyclePolicy, file), source: 'lifecycle-policy' };
    }
    if (keepCount !== undefined && expireDays !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.LifecycleExpireDays, 'is given together with lifecycle-keep-count: keep the newest N images or expire them after N days, not both.');
    }
    const tagRule = expireDays !== undefined ? { expireDays } : { keepCount: keepCount ?? DEFAULT_LIFECYCLE.keepCount };
    const days = untaggedDays ?? DEFAULT_LIFECYCLE.untaggedDays;
    // Stated protections are the workflow's to make: other refs' caches then expire only as it says.
    const scoped = protectInput === '' && defaults.scopedCache !== undefined ? { expireFirst: { pattern: defaults.scopedCache, days } } : {};
    const policy = generateLifecyclePolicy({
        ...tagRule,
        untaggedDays: days,
        // Referrers (provenance, SBOMs) carry sha256-* tags: always kept while their image lives (supply/referrers.ts).
        protectTags: [...new Set([...(protectInput !== '' ? protectTags : defaults.protect), REFERRER_TAGS])],
        ...scoped
    });
    return shorthandStated ? { stated: true, policy, source: 'lifecycle-* inputs' } : { stated: false, policy, source: 'default policy' };
}


/***/ }),

/***/ 2151:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Lp: () => (/* binding */ readNetwork),
/* harmony export */   Wm: () => (/* binding */ proxySecrets),
/* harmony export */   YP: () => (/* binding */ redactProxy)
/* harmony export */ });
/* unused harmony exports UNSHOWN_PROXY, parseNoProxy */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _input_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4781);
/**
 * The `network` section: which proxy the action's own requests go through. The inputs
 * `http-proxy` (one proxy for http and https) and `no-proxy` win over the job's
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY (the lower-case spelling first, as curl reads them).
 */



/** What a proxy value shows in its place when it is not shaped like a URL: nothing of it. */
const UNSHOWN_PROXY = '<a value not shaped like a URL, not shown>';
/**
 * A proxy value split where its credentials end: the scheme (if any), what stands before
 * the last `@` (a user and password, or a token given as the user name), and the rest.
 * The last `@`, not URL parsing: a password with `/` or `@` in it is split wrongly by a
 * URL parser, and the whole of it must still count as credentials.
 */
function splitProxy(value) {
    const m = /^([a-z][a-z0-9+.-]*:\/\/)?([\s\S]*)$/i.exec(value);
    const scheme = m?.[1] ?? '';
    const rest = m?.[2] ?? value;
    const at = rest.lastIndexOf('@');
    return at < 0 ? { scheme, credentials: undefined, host: rest } : { scheme, credentials: rest.slice(0, at), host: rest.slice(at + 1) };
}
/** `host`, `host:port`, `[v6]:port`, with a `/` at most after it. */
const HOST_PORT = /^(?:\[[0-9a-f:.]+\]|[\w.~%-]+)(?::\d{1,5})?\/?$/i;
/**
 * A proxy value as it can be shown in the log, the summary or an error: its credentials
 * (user and password, or a token as the user name; encoded or not) replaced by ***, with or
 * without a scheme. A value that is not `[scheme://][credentials@]host[:port]` shows as a
 * placeholder only: where its secret ends can't be told.
 */
function redactProxy(value) {
    const { scheme, credentials, host } = splitProxy(value.trim());
    if (!HOST_PORT.test(host))
        return UNSHOWN_PROXY;
    return `${scheme}${credentials === undefined ? '' : '***@'}${host}`;
}
/** A proxy value for an error message: redacted and quoted, or the placeholder. */
function quoted(value) {
    const shown = redactProxy(value);
    return shown === UNSHOWN_PROXY ? shown : `'${shown}'`;
}
/**
 * The parts of a proxy value to mask in the log: the value itself, and the password — or
 * the user name when it comes alone (a token) — as written and percent-decoded.
 */
function proxySecrets(value) {
    const { credentials } = splitProxy(value);
    if (credentials === undefined || credentials === '')
        return [];
    const colon = credentials.indexOf(':');
    const secret = colon < 0 ? credentials : credentials.slice(colon + 1);
    const parts = [value, secret];
    try {
        parts.push(decodeURIComponent(secret));
    }
    catch {
        // not percent-encoded: masked as written
    }
    return [...new Set(parts)].filter(part => part !== '');
}
/** A proxy URL the agents can use: http(s), with a host; undefined when it is none. */
function proxyUrl(value) {
    try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url : undefined;
    }
    catch {
        return undefined;
    }
}
/** The first of these variables that is set, with its name. */
function fromEnv(env, names) {
    for (const name of names) {
        const value = (env[name] ?? '').trim();
        if (value !== '')
            return { name, value };
    }
    return undefined;
}
/** A proxy variable of the job: like curl, `host:port` without a scheme means http://. */
function envProxy(env, names) {
    const found = fromEnv(env, names);
    if (found === undefined)
        return '';
    const value = /^[a-z][a-z0-9+.-]*:\/\//i.test(found.value) ? found.value : `http://${found.value}`;
    if (proxyUrl(value) === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${found.name} in the job's environment is not a proxy URL (${quoted(found.value)}): use http://host:port, or unset it.`);
    }
    return value;
}
/** NO_PROXY entries: host names, domains (.example.com), IP addresses or ranges, each with an optional :port; `*` for all. */
function parseNoProxy(value) {
    return value
        .split(/[,\s]+/)
        .map(s => s.trim().toLowerCase())
        .filter(s => s !== '');
}
function readNetwork(env) {
    const input = (0,_input_js__WEBPACK_IMPORTED_MODULE_2__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.HttpProxy);
    if (input !== '' && proxyUrl(input) === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.HttpProxy, `${quoted(input)} is not a proxy URL: use http://host:port, or http://user:password@host:port.`);
    }
    const noProxyInput = (0,_input_js__WEBPACK_IMPORTED_MODULE_2__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.NoProxy);
    const noProxy = parseNoProxy(noProxyInput !== '' ? noProxyInput : (fromEnv(env, ['no_proxy', 'NO_PROXY'])?.value ?? ''));
    if (input !== '')
        return { proxy: { https: input, http: input, noProxy, source: _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.HttpProxy } };
    const https = envProxy(env, ['https_proxy', 'HTTPS_PROXY']);
    const http = envProxy(env, ['http_proxy', 'HTTP_PROXY']);
    return { proxy: { https, http, noProxy, source: 'the environment' } };
}


/***/ }),

/***/ 9627:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Az: () => (/* binding */ ARCHIVE_MINIMUM_DAYS),
/* harmony export */   Hm: () => (/* binding */ STORAGE_PRICE_AS_OF),
/* harmony export */   Uz: () => (/* binding */ STORAGE_PRICE_USD_PER_GB_MONTH),
/* harmony export */   Zm: () => (/* binding */ ARCHIVE_RESTORE_USD_PER_GB),
/* harmony export */   g$: () => (/* binding */ ARCHIVE_PRICE_AS_OF),
/* harmony export */   hS: () => (/* binding */ ARCHIVE_PRICE_USD_PER_GB_MONTH)
/* harmony export */ });
/** ECR's published prices, for the job summary and the run's messages. */
/**
 * ECR's published storage price, US$ per GB-month of compressed image data, US East
 * (N. Virginia), as on the ECR pricing page in March 2026; public repositories: 50 GB free,
 * then the same price. `storage-price` overrides it (other regions, later prices).
 */
const STORAGE_PRICE_USD_PER_GB_MONTH = 0.1;
const STORAGE_PRICE_AS_OF = 'March 2026, us-east-1';
/**
 * ECR's archive storage class, US East (N. Virginia), as published in March 2026: storage
 * at the standard price for the first 150 TB a month ($0.07 per GB-month past that), a
 * restore (retrieval) fee per GB, and a 90-day minimum storage duration. An archived image
 * can't be pulled until restored; ECR restores within about 20 minutes.
 */
const ARCHIVE_PRICE_USD_PER_GB_MONTH = 0.1;
const ARCHIVE_RESTORE_USD_PER_GB = 0.03;
const ARCHIVE_MINIMUM_DAYS = 90;
const ARCHIVE_PRICE_AS_OF = 'March 2026, us-east-1';


/***/ }),

/***/ 9966:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Od: () => (/* binding */ copyUri),
/* harmony export */   SH: () => (/* binding */ readOtherRegistries)
/* harmony export */ });
/* unused harmony exports readReadRegistries, readCopyTo */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _settings_registry_host_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5777);
/* harmony import */ var _aws_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2460);
/* harmony import */ var _input_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4781);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(7965);
/**
 * `read-registries` and `copy-to`: the other registries a run touches. Pure: every line is
 * checked here, before any AWS call, and a bad one fails the run naming the input and the fix.
 *
 *   read-registries   one registry a line, `<account>.dkr.ecr.<region>.amazonaws.com` (or its
 *                     dual-stack name), `<account>/<region>` or `public.ecr.aws`, optionally
 *                     `=<role ARN>`: docker is logged in to each before the build
 *   copy-to           one repository a line: `<name>` (the run's registry),
 *                     `<account>.dkr.ecr.<region>.amazonaws.com/<name>` or
 *                     `public.ecr.aws/<alias>/<name>`, optionally `=<role ARN>`
 */






/** `<line>` and its optional `=<role ARN>`. */
function splitRole(name, line) {
    const at = line.indexOf('=');
    if (at < 0)
        return { target: line.trim() };
    const role = line.slice(at + 1).trim();
    if (!_aws_js__WEBPACK_IMPORTED_MODULE_3__/* .ROLE_ARN */ .xG.test(role))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `'${role}' in '${line}' is not an IAM role ARN: use <registry>=arn:aws:iam::<12-digit account>:role/<name>, or leave out =<role>.`);
    return { target: line.slice(0, at).trim(), role };
}
/** A registry named by its host, or as `<account>/<region>`; undefined for neither. */
function registryOf(target) {
    const short = /^(\d{12})\/([a-z0-9-]+)$/.exec(target);
    if (short) {
        const [, account = '', region = ''] = short;
        if (!_aws_js__WEBPACK_IMPORTED_MODULE_3__/* .REGION */ .Zg.test(region))
            return undefined;
        const host = (0,_settings_registry_host_js__WEBPACK_IMPORTED_MODULE_2__/* .registryInRegion */ .Z8)({ kind: 'private', account, region, partition: (0,_settings_registry_host_js__WEBPACK_IMPORTED_MODULE_2__/* .partitionOf */ .iQ)(region), host: '' }, region);
        return { kind: 'private', host, account, region };
    }
    const parsed = (0,_settings_registry_host_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRegistryHost */ .TZ)(target);
    if (parsed === undefined || target.toLowerCase() !== parsed.host)
        return undefined;
    return parsed.kind === 'public' ? { kind: 'public', host: parsed.host } : { kind: 'private', host: parsed.host, account: parsed.account, region: parsed.region };
}
function readReadRegistries(env) {
    const read = [];
    for (const line of (0,_input_js__WEBPACK_IMPORTED_MODULE_4__/* .parseLines */ .Li)((0,_input_js__WEBPACK_IMPORTED_MODULE_4__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.ReadRegistries))) {
        const { target, role } = splitRole(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.ReadRegistries, line);
        const registry = registryOf(target);
        if (registry === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.ReadRegistries, `'${target}' is not an ECR registry: use <account>.dkr.ecr.<region>.amazonaws.com, <account>/<region> or public.ecr.aws, one a line.`);
        }
        if (read.some(r => r.host === registry.host))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.ReadRegistries, `names ${registry.host} twice: list each registry once.`);
        read.push(role !== undefined ? { ...registry, role } : registry);
    }
    return read;
}
function destinationOf(line, ownRepository) {
    const { target, role } = splitRole(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.CopyTo, line);
    const first = target.split('/')[0] ?? '';
    const hosted = first.includes('.');
    const registry = hosted ? registryOf(first) : undefined;
    const repository = hosted ? target.slice(first.length + 1) : target;
    const how = 'use <name> (this registry), <account>.dkr.ecr.<region>.amazonaws.com/<name> or public.ecr.aws/<alias>/<name>, one a line';
    if (hosted && (registry === undefined || /^\d{12}\//.test(target)))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.CopyTo, `'${target}' is not an ECR repository: ${how}.`);
    if (!(0,_repository_js__WEBPACK_IMPORTED_MODULE_5__/* .isRepositoryName */ .en)(repository))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.CopyTo, `'${repository}' in '${target}' is not a repository name: ${how}.`);
    if (registry?.kind === 'public' && !repository.includes('/'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.CopyTo, `'${target}' names no alias: use public.ecr.aws/<alias>/<name>.`);
    if (registry === undefined) {
        if (role !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.CopyTo, `'${line}': a repository of this run's registry is written with the run's own role; leave out =<role>.`);
        if (repository === ownRepository)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.CopyTo, `'${target}' is the repository the run pushes to: name another one.`);
        return { repository };
    }
    return { registry: role !== undefined ? { ...registry, role } : registry, repository };
}
function readCopyTo(env, ownRepository, push) {
    const lines = (0,_input_js__WEBPACK_IMPORTED_MODULE_4__/* .parseLines */ .Li)((0,_input_js__WEBPACK_IMPORTED_MODULE_4__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.CopyTo));
    if (lines.length > 0 && !push.push)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.CopyTo, 'is set, but push is false: nothing is pushed to copy; remove copy-to for build-only runs.');
    if (lines.length > 0 && push.byDigest)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.CopyTo, "is set with push-by-digest: copy from the job that merges the digests (merge-digests), which has the image's index.");
    const copyTo = [];
    for (const line of lines) {
        const destination = destinationOf(line, ownRepository);
        if (copyTo.some(c => copyUri(c, '') === copyUri(destination, '')))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.CopyTo, `names ${copyUri(destination, '<registry>')} twice: list each repository once.`);
        copyTo.push(destination);
    }
    return copyTo;
}
/** A copy's repository URI; `ownRegistry`: the run's registry host. */
function copyUri(c, ownRegistry) {
    return `${c.registry?.host ?? ownRegistry}/${c.repository}`;
}
/** Both inputs; an empty list each when not given. */
function readOtherRegistries(env, ownRepository, push) {
    const read = readReadRegistries(env);
    // A build-only run signs in to nothing: its base images come from where docker is logged in already.
    if (read.length > 0 && !push.push)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.ReadRegistries, 'is set, but push is false: a build-only run makes no AWS call; log docker in to those registries in an earlier step, or remove read-registries.');
    return { read, copyTo: readCopyTo(env, ownRepository, push) };
}


/***/ }),

/***/ 5777:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ix: () => (/* binding */ replicaUris),
/* harmony export */   TZ: () => (/* binding */ parseRegistryHost),
/* harmony export */   T_: () => (/* binding */ dualStackHost),
/* harmony export */   Z8: () => (/* binding */ registryInRegion),
/* harmony export */   cp: () => (/* binding */ PUBLIC_API_REGION),
/* harmony export */   f3: () => (/* binding */ dualStackSupported),
/* harmony export */   iQ: () => (/* binding */ partitionOf),
/* harmony export */   uD: () => (/* binding */ PUBLIC_REGISTRY)
/* harmony export */ });
/**
 * The one parser of registry host names. ECR's private registries are
 * `<account>.dkr.ecr[-fips].<region>.<suffix>` (or dual-stack `<account>.dkr-ecr.<region>.on.aws`),
 * where the suffix follows the partition; ECR Public is `public.ecr.aws`.
 */
/** ECR Public's registry host; its API answers in us-east-1 only. */
const PUBLIC_REGISTRY = 'public.ecr.aws';
const PUBLIC_API_REGION = 'us-east-1';
/** Each partition's DNS suffix and the prefixes of its regions. */
const PARTITIONS = [
    { partition: 'aws-cn', suffix: 'amazonaws.com.cn', regions: /^cn-/ },
    { partition: 'aws-us-gov', suffix: 'amazonaws.com', regions: /^us-gov-/ },
    { partition: 'aws-iso', suffix: 'c2s.ic.gov', regions: /^us-iso-/ },
    { partition: 'aws-iso-b', suffix: 'sc2s.sgov.gov', regions: /^us-isob-/ },
    { partition: 'aws-iso-e', suffix: 'cloud.adc-e.uk', regions: /^eu-isoe-/ },
    { partition: 'aws-iso-f', suffix: 'csp.hci.ic.gov', regions: /^us-isof-/ },
    { partition: 'aws-eusc', suffix: 'amazonaws.eu', regions: /^eusc-/ },
    { partition: 'aws', suffix: 'amazonaws.com', regions: /^/ }
];
/** The partition a region belongs to (`aws` for the commercial regions). */
function partitionOf(region) {
    return PARTITIONS.find(p => p.regions.test(region))?.partition ?? 'aws';
}
/** A registry host (or an image reference starting with one) as account, region and partition; undefined for any other host. */
function parseRegistryHost(hostOrReference) {
    const host = hostOrReference
        .replace(/^https?:\/\//, '')
        .split('/')[0]
        ?.toLowerCase() ?? '';
    if (host === PUBLIC_REGISTRY)
        return { kind: 'public', host };
    const m = /^(\d{12})\.(?:dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.(.+)|dkr-ecr(?:-fips)?\.([a-z0-9-]+)\.on\.aws)$/.exec(host);
    if (!m)
        return undefined;
    const account = m[1] ?? '';
    const region = m[2] ?? m[4] ?? '';
    const partition = PARTITIONS.find(p => p.regions.test(region));
    if (partition === undefined || (m[3] !== undefined && m[3] !== partition.suffix))
        return undefined;
    return { kind: 'private', account, region, partition: partition.partition, host };
}
/** The same repository in another region's registry of the account: what replication makes (by the same kind of name). */
function registryInRegion(registry, region) {
    if (DUAL_STACK.test(registry.host))
        return `${registry.account}.dkr-ecr.${region}.on.aws`;
    const suffix = PARTITIONS.find(p => p.partition === registry.partition)?.suffix ?? 'amazonaws.com';
    return `${registry.account}.dkr.ecr.${region}.${suffix}`;
}
/** Where the replicas of an image appear: the same repository and tag in each region's registry. */
function replicaUris(imageUri, regions) {
    const registry = parseRegistryHost(imageUri);
    if (registry?.kind !== 'private')
        return [];
    const rest = imageUri.slice(imageUri.indexOf('/'));
    return regions.map(region => `${registryInRegion(registry, region)}${rest}`);
}
/** A dual-stack registry name: `<account>.dkr-ecr[-fips].<region>.on.aws`. */
const DUAL_STACK = /^\d{12}\.dkr-ecr(?:-fips)?\./;
/** The partitions where ECR has dual-stack (IPv4 and IPv6) names: `ecr.<region>.api.aws` and `<account>.dkr-ecr.<region>.on.aws`. */
const DUAL_STACK_PARTITIONS = ['aws', 'aws-us-gov'];
function dualStackSupported(region) {
    return DUAL_STACK_PARTITIONS.includes(partitionOf(region));
}
/**
 * The dual-stack name of a private registry (GetAuthorizationToken's proxyEndpoint and a
 * repository's URI give the IPv4 one): `<account>.dkr-ecr[-fips].<region>.on.aws`. ECR
 * Public keeps public.ecr.aws; undefined for a host that is no ECR registry, or one in a
 * partition without dual-stack names.
 */
function dualStackHost(host) {
    const registry = parseRegistryHost(host);
    if (registry?.kind === 'public')
        return registry.host;
    if (registry === undefined || !DUAL_STACK_PARTITIONS.includes(registry.partition))
        return undefined;
    const fips = /^\d{12}\.dkr[.-]ecr-fips\./.test(registry.host) ? '-fips' : '';
    return `${registry.account}.dkr-ecr${fips}.${registry.region}.on.aws`;
}


/***/ }),

/***/ 7965:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   El: () => (/* binding */ readExistingRepository),
/* harmony export */   Hj: () => (/* binding */ readMutability),
/* harmony export */   IB: () => (/* binding */ validateRepositoryName),
/* harmony export */   XF: () => (/* binding */ readReplication),
/* harmony export */   Yv: () => (/* binding */ readResourceTags),
/* harmony export */   _i: () => (/* binding */ readEncryption),
/* harmony export */   en: () => (/* binding */ isRepositoryName),
/* harmony export */   m1: () => (/* binding */ readRegistryType),
/* harmony export */   uM: () => (/* binding */ readCatalog)
/* harmony export */ });
/* unused harmony exports DEFAULT_TAG_MUTABILITY, DEFAULT_MUTABILITY_EXCLUSIONS, refuseForPublic */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3916);
/* harmony import */ var _aws_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(2460);
/* harmony import */ var _input_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(4781);
/* harmony import */ var _tag_mutability_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(8338);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(1664);
/** The `repository` section: name, registry type, tag mutability, encryption, tags, replication, ECR Public's catalog. */








/** The tag mutability when the workflow states none: immutable, but for `latest` and the referrers tag schema's `sha256-*`. */
const DEFAULT_TAG_MUTABILITY = 'IMMUTABLE_WITH_EXCLUSION';
const DEFAULT_MUTABILITY_EXCLUSIONS = ['latest', 'sha256-*'];
/** ECR repository names: lowercase path components, 2–256 characters. */
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
/** ECR's rule for a repository name: 2–256 lowercase letters, digits and . _ - separated by /. */
const isRepositoryName = (name) => name.length >= 2 && name.length <= 256 && REPOSITORY_NAME.test(name);
/** Docker image tags: what `docker buildx build --tag` and ECR both accept. */
const MUTABILITY_FILTER = /^[0-9a-zA-Z._*-]{1,128}$/;
const KMS_KEY = /^(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(?:key\/[0-9a-zA-Z-]+|alias\/[\w/.-]+)|alias\/[\w/.-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
function validateRepositoryName(name) {
    if (name === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Repository, 'is required: name the ECR repository, e.g. team/web.');
    if (!isRepositoryName(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Repository, `'${name}' is not a valid ECR repository name: use 2–256 lowercase letters, digits and . _ - separated by /, e.g. team/web.`);
    }
    return name;
}
/**
 * @param cacheFilter `<cache-tag>*` with cache: ecr: the cache's tags, which every build rewrites
 * @param floats `ref-tags` asks for floating tags: unstated, the default is then MUTABLE_WITH_EXCLUSION (tag-mutability.ts)
 */
function readMutability(env, cacheFilter, floats = false) {
    const modeInput = (0,_input_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.TagMutability);
    const exclusionsInput = (0,_input_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.TagMutabilityExclusions);
    const mode = (modeInput !== '' ? modeInput.toUpperCase() : floats && exclusionsInput === '' ? 'MUTABLE_WITH_EXCLUSION' : DEFAULT_TAG_MUTABILITY);
    if (!_types_js__WEBPACK_IMPORTED_MODULE_7__/* .TAG_MUTABILITIES */ .e.includes(mode)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.TagMutability, `'${modeInput}' is not a tag mutability: use ${_types_js__WEBPACK_IMPORTED_MODULE_7__/* .TAG_MUTABILITIES */ .e.join(', ')}.`);
    }
    const withExclusions = mode.endsWith('_WITH_EXCLUSION');
    // MUTABLE_WITH_EXCLUSION's filters are what stays immutable: the versions; IMMUTABLE_WITH_EXCLUSION's what moves: latest.
    const defaults = mode === 'MUTABLE_WITH_EXCLUSION' ? _tag_mutability_js__WEBPACK_IMPORTED_MODULE_6__/* .VERSION_FILTERS */ .nw : withExclusions ? DEFAULT_MUTABILITY_EXCLUSIONS : [];
    const listed = exclusionsInput === '' ? defaults : (0,_input_js__WEBPACK_IMPORTED_MODULE_5__/* .parseList */ .E1)(exclusionsInput);
    if (!withExclusions && listed.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.TagMutabilityExclusions, `only applies to IMMUTABLE_WITH_EXCLUSION and MUTABLE_WITH_EXCLUSION, not ${mode}: remove it or change tag-mutability.`);
    }
    if (withExclusions && (listed.length < 1 || listed.length > 5)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.TagMutabilityExclusions, `has ${listed.length} filters: ECR takes 1 to 5.`);
    }
    // The registry cache is rewritten by every build: its tags (per-platform ones too) must stay mutable.
    const exclusions = mode === 'IMMUTABLE_WITH_EXCLUSION' && cacheFilter !== undefined ? (0,_tag_mutability_js__WEBPACK_IMPORTED_MODULE_6__/* .withCacheFilter */ .Pe)(listed, cacheFilter) : listed;
    if (exclusions.length > 5) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.TagMutabilityExclusions, `has 5 filters and the registry cache needs one more, '${cacheFilter}': drop one, or list a filter that covers the cache's tags.`);
    }
    for (const f of exclusions) {
        if (!MUTABILITY_FILTER.test(f)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.TagMutabilityExclusions, `'${f}' is not a filter ECR accepts: use up to 128 letters, digits, . _ - and * wildcards.`);
        }
    }
    return { mutability: mode, exclusions: [...new Set(exclusions)], stated: modeInput !== '' || exclusionsInput !== '' };
}
function readResourceTags(env) {
    const tags = (0,_input_js__WEBPACK_IMPORTED_MODULE_5__/* .parseLines */ .Li)((0,_input_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.RepositoryTags)).map(line => {
        const at = line.indexOf('=');
        const Key = at > 0 ? line.slice(0, at).trim() : '';
        const Value = line.slice(at + 1).trim();
        if (Key === '' || Key.length > 128 || Value.length > 256 || /^aws:/i.test(Key) || !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(`${Key}${Value}`)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.RepositoryTags, `'${line}' is not a tag ECR accepts: one key=value per line, key up to 128 and value up to 256 characters, not starting with aws:.`);
        }
        return { Key, Value };
    });
    if (tags.length > 50)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.RepositoryTags, `has ${tags.length} tags: ECR takes at most 50.`);
    return tags;
}
function readReplication(env, region) {
    const regions = [...new Set((0,_input_js__WEBPACK_IMPORTED_MODULE_5__/* .parseList */ .E1)((0,_input_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.ReplicateToRegions)))];
    for (const r of regions) {
        if (!_aws_js__WEBPACK_IMPORTED_MODULE_4__/* .REGION */ .Zg.test(r))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.ReplicateToRegions, `'${r}' is not an AWS region code: use codes like eu-west-1, ap-northeast-2.`);
        if (r === region)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.ReplicateToRegions, `lists ${r}, the repository's own region: list only the other regions to copy images to.`);
    }
    if (regions.length > 25)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.ReplicateToRegions, `lists ${regions.length} regions: an ECR replication rule takes at most 25.`);
    return regions;
}
function readCatalog(env, workspace) {
    const description = (0,_input_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Description);
    const aboutInput = (0,_input_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.About);
    let about = aboutInput;
    if (/^[\w./-]+\.(?:md|markdown|txt)$/i.test(aboutInput)) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace, aboutInput);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.About, `'${aboutInput}' looks like a file but is not in the workspace: check it out first or give the text itself.`);
        about = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    if (description.length > 1024)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Description, `is ${description.length} characters: ECR Public takes at most 1024.`);
    if (about.length > 25600)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.About, `is ${about.length} characters: ECR Public takes at most 25600.`);
    return { ...(description !== '' ? { description } : {}), ...(about !== '' ? { about } : {}) };
}
/**
 * ECR Public has no lifecycle policies, tag immutability, scanning, encryption settings or
 * replication: a workflow that states one of them is told so instead of being ignored.
 */
function refuseForPublic(env) {
    const unsupported = [
        [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.TagMutability, v => v !== ''],
        [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.TagMutabilityExclusions, v => v !== ''],
        [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.LifecyclePolicy, v => v !== ''],
        [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.LifecycleKeepCount, v => v !== ''],
        [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.LifecycleExpireDays, v => v !== ''],
        [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.LifecycleUntaggedDays, v => v !== ''],
        [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.LifecycleProtectTags, v => v !== ''],
        [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Encryption, v => v !== '' && v.toUpperCase() !== 'AES256'],
        [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.KmsKey, v => v !== ''],
        [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.ReplicateToRegions, v => v !== ''],
        [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.ScanFailOn, v => v !== ''],
        [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.PullPrincipals, v => v !== ''],
        [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.ExistingRepository, v => v.toLowerCase() === 'leave']
    ];
    for (const [name, stated] of unsupported) {
        if (stated((0,_input_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(env, name))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `is not available with registry-type: public (ECR Public has no such setting): remove it.`);
        }
    }
}
/** `existing-repository`: reconcile (the default) or leave a repository the run didn't create. */
function readExistingRepository(env) {
    const value = ((0,_input_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.ExistingRepository) || 'reconcile').toLowerCase();
    if (value !== 'reconcile' && value !== 'leave') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.ExistingRepository, `'${value}' is not a choice: use reconcile (make an existing repository match the workflow) or leave (write nothing to it, report the differences).`);
    }
    return value;
}
function readRegistryType(env) {
    const value = ((0,_input_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.RegistryType) || 'private').toLowerCase();
    if (value !== 'private' && value !== 'public') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.RegistryType, `'${value}' is not a registry type: use private (ECR) or public (ECR Public, public.ecr.aws).`);
    }
    if (value === 'public')
        refuseForPublic(env);
    for (const name of [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Description, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.About]) {
        if (value === 'private' && (0,_input_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(env, name) !== '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, 'is catalog data of ECR Public: set registry-type: public, or remove it.');
        }
    }
    return value;
}
function readEncryption(env) {
    const typeInput = (0,_input_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Encryption);
    const type = (typeInput || 'AES256').toUpperCase();
    if (type !== 'AES256' && type !== 'KMS') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Encryption, `'${typeInput}' is not an encryption type: use AES256 or KMS.`);
    }
    const kmsKey = (0,_input_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(env, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.KmsKey);
    if (kmsKey === '')
        return { type };
    if (type !== 'KMS') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.KmsKey, 'is only used with encryption: KMS: set encryption to KMS or remove kms-key.');
    }
    if (!KMS_KEY.test(kmsKey)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.KmsKey, `'${kmsKey}' is not a KMS key: use a key ARN, key ID, alias ARN or alias/<name>.`);
    }
    return { type, kmsKey };
}


/***/ }),

/***/ 9029:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ parseSemver),
/* harmony export */   m: () => (/* binding */ compareSemver)
/* harmony export */ });
const NUMBER = '0|[1-9]\\d*';
const PRE_ID = `(?:${NUMBER}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const SEMVER = new RegExp(`^v?(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`);
/** A semantic version (semver.org 2.0.0), with or without a leading `v`; undefined for anything else. */
function parseSemver(text) {
    const m = SEMVER.exec(text);
    if (!m)
        return undefined;
    return { core: [m[1] ?? '0', m[2] ?? '0', m[3] ?? '0'], pre: m[4] !== undefined ? m[4].split('.') : [] };
}
/** Numbers without leading zeros, of any length: the longer is larger. */
const compareNumbers = (a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
const isNumber = (id) => /^\d+$/.test(id);
/** semver's precedence: < 0 when `a` is lower, 0 when equal (build metadata ignored), > 0 when higher. */
function compareSemver(a, b) {
    for (let i = 0; i < 3; i++) {
        const c = compareNumbers(a.core[i] ?? '0', b.core[i] ?? '0');
        if (c !== 0)
            return Math.sign(c);
    }
    // A pre-release is lower than its release.
    if (a.pre.length === 0 || b.pre.length === 0)
        return Math.sign(b.pre.length - a.pre.length);
    for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
        const x = a.pre[i] ?? '';
        const y = b.pre[i] ?? '';
        if (x === y)
            continue;
        // Numeric identifiers are lower than alphanumeric ones; alphanumeric ones compare in ASCII order.
        if (isNumber(x) && isNumber(y))
            return Math.sign(compareNumbers(x, y));
        if (isNumber(x) !== isNumber(y))
            return isNumber(x) ? -1 : 1;
        return x < y ? -1 : 1;
    }
    return Math.sign(a.pre.length - b.pre.length);
}


/***/ }),

/***/ 8338:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Pe: () => (/* binding */ withCacheFilter),
/* harmony export */   bo: () => (/* binding */ isTagMutable),
/* harmony export */   nt: () => (/* binding */ checkTagMutability),
/* harmony export */   nw: () => (/* binding */ VERSION_FILTERS),
/* harmony export */   pn: () => (/* binding */ sameMutability),
/* harmony export */   yk: () => (/* binding */ describeMutability),
/* harmony export */   yy: () => (/* binding */ matchesFilter)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/**
 * ECR's tag mutability model (a mode and its `*` exclusion filters: which tag may be
 * overwritten), and which of the run's tags may move, checked against it before anything is written. ECR's
 * exclusion filters are wildcards only (`*`), at most five: no filter can tell `1.2` from
 * `1.2.3` the other way round (`*.*` matches both), so floating tags can't be the exceptions
 * of an immutable repository. With floating tags (`ref-tags`) the default turns the rule
 * around: `MUTABLE_WITH_EXCLUSION` with `*.*.*` and `sha-*` keeps every full version
 * (`1.2.3`, `2.0.0-rc.1`, `v1.2.3`) and every commit's tag immutable, and lets everything
 * else move: `1.2`, `1`, `latest`, branch and `pr-` tags, the registry cache.
 */


/** Does ECR match this tag with a `*` wildcard filter? */
function matchesFilter(tag, filter) {
    const pattern = filter.split('*').map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${pattern.join('.*')}$`).test(tag);
}
/** May an existing tag be overwritten in a repository with this mutability? */
function isTagMutable(tag, m) {
    const excluded = m.exclusions.some(f => matchesFilter(tag, f));
    switch (m.mode) {
        case 'MUTABLE':
            return true;
        case 'IMMUTABLE':
            return false;
        case 'IMMUTABLE_WITH_EXCLUSION':
            return excluded;
        case 'MUTABLE_WITH_EXCLUSION':
            return !excluded;
    }
}
function sameMutability(a, b) {
    if (a.mode !== b.mode)
        return false;
    const x = [...new Set(a.exclusions)].sort();
    const y = [...new Set(b.exclusions)].sort();
    return x.length === y.length && x.every((f, i) => f === y[i]);
}
function describeMutability(m) {
    return m.exclusions.length > 0 ? `${m.mode} (${m.exclusions.join(', ')})` : m.mode;
}
/**
 * Exclusion filters with the registry cache's wildcard (`<cache-tag>*`) among them:
 * unchanged when a filter already covers every tag starting with the cache tag; an exact
 * `<cache-tag>` filter (what earlier versions added) gives way to the wildcard.
 */
function withCacheFilter(filters, cacheFilter) {
    const base = cacheFilter.slice(0, -1);
    // A filter ending in `*` that matches the base matches the base followed by anything.
    if (filters.some(f => f.endsWith('*') && matchesFilter(base, f)))
        return filters;
    return [...filters.filter(f => f !== base), cacheFilter];
}
/** The exclusion filters that keep versions immutable under MUTABLE_WITH_EXCLUSION: full semver versions and commits' tags. */
const VERSION_FILTERS = ['*.*.*', 'sha-*'];
/**
 * The run's tags under the mutability the workflow states (or the default): with floating
 * tags, the version stays immutable and every floating tag can move; under
 * MUTABLE_WITH_EXCLUSION the registry cache can be written again (IMMUTABLE_WITH_EXCLUSION
 * gets the cache's own filter: repository.ts). Throws a one-line InputError otherwise.
 */
function checkTagMutability(m, plan) {
    const setting = describeMutability(m);
    if (m.mode === 'MUTABLE_WITH_EXCLUSION' && plan.cacheTag !== undefined && !isTagMutable(plan.cacheTag, m)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.CacheTag, `'${plan.cacheTag}' would be immutable under ${setting}, and every build rewrites the cache: give the cache a tag no filter matches.`);
    }
    if (!plan.floats)
        return;
    if (isTagMutable(plan.version, m)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.TagMutabilityExclusions, `the version '${plan.version}' could be overwritten under ${setting}: with floating ref-tags every version stays immutable; use semver versions (${VERSION_FILTERS.join(',')} covers them), or state a filter that matches yours.`);
    }
    const frozen = plan.floating.find(t => !isTagMutable(t, m));
    if (frozen !== undefined) {
        const filter = m.exclusions.find(f => matchesFilter(frozen, f));
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.RefTags, `'${frozen}' moves with every release of its line, but ${setting} keeps it immutable${filter !== undefined ? ` (it matches '${filter}')` : ''}: drop it from ref-tags, or state tag-mutability: MUTABLE_WITH_EXCLUSION with tag-mutability-exclusions that don't match it.`);
    }
}


/***/ }),

/***/ 2516:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ readTagsInput),
/* harmony export */   t: () => (/* binding */ checkReferenceHosts)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _registry_host_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5777);
/* harmony import */ var _input_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4781);
/**
 * `tags` takes what docker/metadata-action gives: besides plain tags, full references to
 * this repository (`<registry>/<repository>:<tag>`, or `<repository>:<tag>`), taken as their
 * tag. A reference to any other repository is refused in one line. The registry's account
 * is known only once the run has signed in: `checkReferenceHosts` compares it then.
 */




const other = (item, repository) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.Tags, `'${item}' is not in this step's repository (${repository}): tags takes tags of 'repository' only; push to another repository with a step of its own (its repository input).`);
/** One item of `tags`: a tag, or a reference to this repository whose tag it takes. */
function readItem(item, repository, region, type) {
    if (item.includes('@')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.Tags, `'${item}' names an image by digest: give a tag, e.g. ${repository}:1.2.3.`);
    }
    const colon = item.lastIndexOf(':');
    // No tag after the last `/`: not a reference (`feature/x`), judged as a tag.
    if (colon < item.lastIndexOf('/') || colon === -1)
        return { tag: (0,_input_js__WEBPACK_IMPORTED_MODULE_3__/* .validateTag */ .z7)(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.Tags, item) };
    const name = item.slice(0, colon).toLowerCase();
    const tag = (0,_input_js__WEBPACK_IMPORTED_MODULE_3__/* .validateTag */ .z7)(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.Tags, item.slice(colon + 1));
    if (name === repository)
        return { tag };
    const first = name.split('/')[0] ?? '';
    const path = name.slice(first.length + 1);
    const host = (0,_registry_host_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRegistryHost */ .TZ)(first);
    if (host === undefined)
        throw other(item, repository);
    if (host.kind === 'private' && type === 'private' && path === repository && host.region === region)
        return { tag, host: host.host };
    // ECR Public: public.ecr.aws/<alias>/<repository>
    if (host.kind === 'public' && type === 'public' && path.split('/').length === 2 && path.endsWith(`/${repository}`))
        return { tag, host: `${host.host}/${path.split('/')[0]}` };
    throw other(item, repository);
}
/** The `tags` input, references read as their tags. */
function readTagsInput(items, repository, region, type) {
    const tags = [];
    const hosts = new Set();
    for (const item of items) {
        const read = readItem(item, repository, region, type);
        tags.push(read.tag);
        if (read.host !== undefined)
            hosts.add(read.host);
    }
    return { tags, hosts: [...hosts] };
}
/**
 * Once the run knows its repository's URI: every registry a `tags` reference named is that
 * repository's (the same account; on ECR Public, the same alias). Checked before docker's
 * login and any image write.
 */
function checkReferenceHosts(hosts, repositoryUri, repository) {
    const registry = repositoryUri.slice(0, repositoryUri.length - repository.length - 1).toLowerCase();
    const ours = (0,_registry_host_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRegistryHost */ .TZ)(registry);
    // The same account and region whichever of its names (IPv4 or dual-stack) the reference uses.
    const same = (host) => {
        const named = (0,_registry_host_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRegistryHost */ .TZ)(host);
        return host === registry || (ours?.kind === 'private' && named?.kind === 'private' && named.account === ours.account && named.region === ours.region);
    };
    const wrong = hosts.find(h => !same(h));
    if (wrong !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Input 'tags': '${wrong}/${repository}' is not this run's repository (${repositoryUri}): tags takes tags of 'repository' only; push to another registry with a step of its own (its role-to-assume and repository inputs).`);
    }
}


/***/ }),

/***/ 1664:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ TAG_MUTABILITIES),
/* harmony export */   o: () => (/* binding */ SEVERITIES)
/* harmony export */ });
/**
 * What the workflow asked for, as one typed object: the settings every stage reads. Only
 * types (and the few constant lists they are made of) live here, so that any module can
 * name a setting without importing the input parser.
 */
const TAG_MUTABILITIES = ['MUTABLE', 'IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION', 'MUTABLE_WITH_EXCLUSION'];
/** ECR's finding severities, most severe first. */
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'];


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3110:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ core_debug),
  dN: () => (/* binding */ exportVariable),
  Os: () => (/* binding */ group),
  pq: () => (/* binding */ info),
  lm: () => (/* binding */ notice),
  LZ: () => (/* binding */ saveState),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ core_setSecret),
  z: () => (/* reexport */ summary),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, endGroup, error, getBooleanInput, getIDToken, getInput, getMultilineInput, getState, isDebug, markdownSummary, platform, setCommandEcho, startGroup, toPlatformPath, toPosixPath, toWin32Path

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(8611);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(5692);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var node_modules_tunnel = __nccwpck_require__(770);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = (/* unused pure expression or super */ null && (['OPTIONS', 'GET', 'DELETE', 'HEAD']));
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class lib_HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = pm.getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? https : http;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = pm.getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || http.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new https.Agent(options) : new http.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(2613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return file_command_issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    command_issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
