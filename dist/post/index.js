import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 908:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(333);
/** The post step's entry point (action.yml `post`). */

await (0,_post_js__WEBPACK_IMPORTED_MODULE_0__/* .post */ .b)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 333:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  b: () => (/* binding */ post)
});

// UNUSED EXPORTS: logout

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/constants.ts
/** Names the workflow, the runner and the post step see. Written once, here. */
const constants_Input = {
    RoleToAssume: 'role-to-assume',
    AwsRegion: 'aws-region',
    Audience: 'audience',
    RoleSessionName: 'role-session-name',
    RoleDurationSeconds: 'role-duration-seconds',
    ExportCredentials: 'export-credentials',
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
    Tags: 'tags',
    Platforms: 'platforms',
    Context: 'context',
    File: 'file',
    Target: 'target',
    BuildArgs: 'build-args',
    Labels: 'labels',
    Push: 'push',
    SkipLogout: 'skip-logout',
    IfVersionExists: 'if-version-exists',
    Cache: 'cache',
    CacheTag: 'cache-tag',
    Provenance: 'provenance',
    Sbom: 'sbom',
    DryRun: 'dry-run',
    RepositoryPolicy: 'repository-policy',
    PullPrincipals: 'pull-principals',
    RepositoryTags: 'repository-tags',
    PushByDigest: 'push-by-digest',
    MergeDigests: 'merge-digests',
    Summary: 'summary',
    ReplicateToRegions: 'replicate-to-regions',
    ScanFailOn: 'scan-fail-on',
    ScanTimeout: 'scan-timeout',
    RegistryType: 'registry-type',
    Description: 'description',
    About: 'about',
    StoragePrice: 'storage-price'
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
    ScanFindings: 'scan-findings'
};
/** Values the main step hands to the post step. */
const State = {
    IsPost: 'is-post',
    LoggedInRegistries: 'logged-in-registries'
};
const constants_DEFAULT_PLATFORMS = (/* unused pure expression or super */ null && (['linux/amd64', 'linux/arm64']));
const constants_DEFAULT_TAG_MUTABILITY = 'IMMUTABLE_WITH_EXCLUSION';
const constants_DEFAULT_MUTABILITY_EXCLUSIONS = (/* unused pure expression or super */ null && (['latest']));
const LATEST_TAG = 'latest';
const USER_AGENT = 'ecr-build-push';
/** ECR Public's registry host; its API answers in us-east-1 only. */
const PUBLIC_REGISTRY = 'public.ecr.aws';
const constants_PUBLIC_API_REGION = 'us-east-1';
/**
 * ECR's published storage price, US$ per GB-month of compressed image data, US East
 * (N. Virginia), as on the ECR pricing page in March 2026; public repositories: 50 GB free,
 * then the same price. `storage-price` overrides it (other regions, later prices).
 */
const constants_STORAGE_PRICE_USD_PER_GB_MONTH = 0.1;
const STORAGE_PRICE_AS_OF = 'March 2026, us-east-1';

;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: external "events"
const external_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "assert"
const external_assert_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
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
    return __awaiter(this, void 0, void 0, function* () {
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
    return __awaiter(this, void 0, void 0, function* () {
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
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
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
    return __awaiter(this, void 0, void 0, function* () {
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
class ToolRunner extends external_events_namespaceObject.EventEmitter {
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
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
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
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
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
class ExecState extends external_events_namespaceObject.EventEmitter {
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
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
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
        const stdoutDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
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
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
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
;// CONCATENATED MODULE: ./src/docker.ts
/**
 * The one way the action runs docker: an argv array (never a shell string), stdin passed
 * as data, output captured. Tests replace it with a recorder.
 */

const docker = async (args, options = {}) => {
    try {
        return await getExecOutput('docker', args, {
            ignoreReturnCode: true,
            silent: options.stream !== true,
            ...(options.input ? { input: options.input } : {})
        });
    }
    catch (error) {
        // @actions/exec throws when the executable is not on PATH.
        return { exitCode: 127, stdout: '', stderr: error.message };
    }
};
/** The last meaningful line docker printed, for one-line error messages. */
function lastLine(result) {
    const lines = `${result.stderr}\n${result.stdout}`
        .split('\n')
        .map(l => l.trim())
        .filter(l => l !== '');
    return lines.findLast(l => /error/i.test(l)) ?? lines.at(-1) ?? `exit code ${result.exitCode}`;
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/errors.ts
/**
 * Errors the action reports to the user. Each carries a one-line message that says what
 * is wrong and how to fix it; `main` prints it with `core.setFailed` and nothing else.
 */
/** A workflow input is invalid. Raised before any AWS write or docker call. */
class errors_InputError extends Error {
    input;
    name = 'InputError';
    constructor(input, detail) {
        super(`Input '${input}': ${detail}`);
        this.input = input;
    }
}
/** Something outside the inputs stops the run (permissions, tools, AWS state). */
class ActionError extends (/* unused pure expression or super */ null && (Error)) {
    name = 'ActionError';
}

;// CONCATENATED MODULE: ./src/lifecycle-policy.ts
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
/** The policy the action puts when the workflow states none. */
const lifecycle_policy_DEFAULT_LIFECYCLE = { keepCount: 100, untaggedDays: 14, protectTags: ['latest'] };
const RULE_KEYS = (/* unused pure expression or super */ null && (['rulePriority', 'description', 'selection', 'action']));
const SELECTION_KEYS = (/* unused pure expression or super */ null && (['tagStatus', 'tagPatternList', 'tagPrefixList', 'storageClass', 'countType', 'countUnit', 'countNumber']));
const ACTION_KEYS = (/* unused pure expression or super */ null && (['type', 'targetStorageClass']));
const COUNT_TYPES = (/* unused pure expression or super */ null && (['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled', 'sinceImageTransitioned']));
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInteger = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1;
function unknownKey(obj, allowed) {
    return Object.keys(obj).find(k => !allowed.includes(k));
}
/**
 * Parses and validates a lifecycle policy. Throws `InputError(input, …)` at the first
 * problem, naming where it is (`rules[1].selection.countNumber`) and what to change.
 */
function lifecycle_policy_validateLifecyclePolicy(text, input) {
    const fail = (where, what) => {
        throw new InputError(input, where === '' ? what : `${where}: ${what}`);
    };
    if (text.length > MAX_POLICY_LENGTH) {
        fail('', `the policy is ${text.length} characters; ECR takes at most ${MAX_POLICY_LENGTH}.`);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        return fail('', `is not valid JSON (${error.message}): give a lifecycle policy in ECR's JSON format.`);
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
function lifecycle_policy_generateLifecyclePolicy(opts) {
    const rules = [];
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
        const keep = opts.keepCount ?? lifecycle_policy_DEFAULT_LIFECYCLE.keepCount;
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
    const parsed = parseJson(policy);
    if (isObject(parsed) && Array.isArray(parsed.rules)) {
        const rules = [...parsed.rules].sort((a, b) => (a.rulePriority ?? 0) - (b.rulePriority ?? 0));
        return { ...parsed, rules };
    }
    return parsed;
}
function lifecycle_policy_lifecyclePoliciesEqual(a, b) {
    return sameJson(byPriority(a), byPriority(b));
}
/** The text sent to ECR. */
function lifecycle_policy_formatLifecyclePolicy(policy) {
    return JSON.stringify(policy);
}

;// CONCATENATED MODULE: ./src/repository-plan.ts

/** Does ECR match this tag with a `*` wildcard filter? */
function repository_plan_matchesFilter(tag, filter) {
    const pattern = filter.split('*').map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${pattern.join('.*')}$`).test(tag);
}
/** May an existing tag be overwritten in a repository with this mutability? */
function isTagMutable(tag, m) {
    const excluded = m.exclusions.some(f => repository_plan_matchesFilter(tag, f));
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
const keepsTagsImmutable = (m) => m.mode === 'IMMUTABLE' || m.mode === 'IMMUTABLE_WITH_EXCLUSION';
/** An IMMUTABLE_WITH_EXCLUSION repository with the cache tag among its exclusions (room allowing). */
function withCacheTag(m, cacheTag) {
    if (cacheTag === undefined || m.mode !== 'IMMUTABLE_WITH_EXCLUSION' || isTagMutable(cacheTag, m) || m.exclusions.length >= 5)
        return m;
    return { mode: m.mode, exclusions: [...m.exclusions, cacheTag] };
}
/**
 * @param current the repository as described, or undefined when it does not exist
 * @param movingTags tags this run pushes that must be able to move (e.g. `latest`)
 */
function planRepository(current, desired, movingTags) {
    const wanted = { mode: desired.tagMutability, exclusions: desired.tagMutabilityExclusions };
    if (current === undefined) {
        return {
            changes: [{ kind: 'create', mutability: wanted, scanOnPush: desired.scanOnPush, encryption: desired.encryption }],
            warnings: []
        };
    }
    const changes = [];
    const warnings = [];
    // Unstated mutability leaves an immutable repository as it is, but for the action's own
    // registry cache tag, which every build rewrites.
    const target = desired.tagMutabilityStated || !keepsTagsImmutable(current.mutability) ? wanted : withCacheTag(current.mutability, desired.cacheTag);
    let mutability = current.mutability;
    if (!sameMutability(current.mutability, target)) {
        changes.push({ kind: 'tag-mutability', from: current.mutability, to: target });
        mutability = target;
    }
    const frozen = movingTags.filter(t => !isTagMutable(t, mutability));
    if (frozen.length > 0) {
        warnings.push(`the repository keeps ${frozen.map(t => `'${t}'`).join(', ')} immutable, so pushing it again will be refused: ` +
            `set tag-mutability: IMMUTABLE_WITH_EXCLUSION with tag-mutability-exclusions: ${frozen.join(',')} to let it move.`);
    }
    if (current.scanOnPush !== desired.scanOnPush) {
        changes.push({ kind: 'scan-on-push', from: current.scanOnPush, to: desired.scanOnPush });
    }
    const enc = desired.encryption;
    const keyDiffers = enc.kmsKey?.startsWith('arn:') === true && current.encryption.kmsKey !== enc.kmsKey;
    if (current.encryption.type !== enc.type || keyDiffers) {
        const now = current.encryption.kmsKey ? `${current.encryption.type} (${current.encryption.kmsKey})` : current.encryption.type;
        warnings.push(`the repository is encrypted with ${now}, not ${enc.kmsKey ? `${enc.type} (${enc.kmsKey})` : enc.type}: ECR sets encryption only when a repository is created, so it stays as it is.`);
    }
    return { changes, warnings };
}
/**
 * @param current the repository's lifecycle policy text; undefined when it has none
 * @param created whether this run created the repository (then there is nothing to read)
 */
function planLifecycle(current, intent) {
    const text = formatLifecyclePolicy(intent.policy);
    if (current === undefined) {
        return { put: true, policy: intent.policy, text, reason: `no policy yet: ${intent.source}` };
    }
    if (!intent.stated) {
        return { put: false, reason: 'kept the existing policy (the workflow states none)' };
    }
    if (lifecyclePoliciesEqual(current, intent.policy)) {
        return { put: false, reason: `already as stated by ${intent.source}` };
    }
    return { put: true, policy: intent.policy, text, reason: `differs from ${intent.source}` };
}

;// CONCATENATED MODULE: ./src/version.ts
/**
 * The version tag when the workflow gives none: the git tag that triggered the run
 * (`refs/tags/v1.2.3` → `1.2.3`), otherwise `sha-<first 7 of the commit>`.
 */


function version_deriveVersion(run) {
    const tag = run.ref.startsWith('refs/tags/') ? run.ref.slice('refs/tags/'.length) : '';
    if (tag !== '') {
        // v1.2.3 → 1.2.3; other tags are kept, with characters an image tag can't hold replaced.
        const version = (/^v\d/.test(tag) ? tag.slice(1) : tag).replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[.-]+/, '');
        if (version !== '')
            return version.slice(0, 128);
    }
    if (!/^[0-9a-f]{7,}$/i.test(run.sha)) {
        throw new InputError(Input.Version, 'is empty and GITHUB_SHA is not set: give the version tag to push.');
    }
    return `sha-${run.sha.slice(0, 7).toLowerCase()}`;
}

;// CONCATENATED MODULE: ./src/inputs.ts
/**
 * Stage 1 — inputs. Reads every workflow input once, validates it and returns one typed
 * `Settings` object. Nothing here calls AWS or docker: every input error is raised before
 * the first AWS write or docker call, as one line that names the input and the fix.
 */







const TAG_MUTABILITIES = (/* unused pure expression or super */ null && ([
    'MUTABLE',
    'IMMUTABLE',
    'IMMUTABLE_WITH_EXCLUSION',
    'MUTABLE_WITH_EXCLUSION'
]));
/** ECR's finding severities, most severe first. */
const SEVERITIES = (/* unused pure expression or super */ null && (['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED']));
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
    throw new errors_InputError(name, `'${value}' is not a boolean: use true or false.`);
}
function parseInteger(name, value, range) {
    if (value === '')
        return undefined;
    if (!/^\d+$/.test(value)) {
        throw new InputError(name, `'${value}' is not a whole number: use a number from ${range.min} to ${range.max}.`);
    }
    const n = Number(value);
    if (n < range.min || n > range.max) {
        throw new InputError(name, `${value} is out of range: use a number from ${range.min} to ${range.max}.`);
    }
    return n;
}
/** ECR repository names: lowercase path components, 2–256 characters. */
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
/** Docker image tags: what `docker buildx build --tag` and ECR both accept. */
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const MUTABILITY_FILTER = /^[0-9a-zA-Z._*-]{1,128}$/;
const KMS_KEY = /^(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(?:key\/[0-9a-zA-Z-]+|alias\/[\w/.-]+)|alias\/[\w/.-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
const BUILD_TARGET = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const KEY_VALUE = /^[A-Za-z_][A-Za-z0-9_.-]*=/;
const PLATFORM_OS = (/* unused pure expression or super */ null && (['linux', 'windows']));
const PLATFORM_ARCH = (/* unused pure expression or super */ null && (['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64', 'mips64le', 'loong64']));
const REMOTE_CONTEXT = /^(?:https?:\/\/|git@|git:\/\/)/;
function validateRepositoryName(name) {
    if (name === '')
        throw new InputError(Input.Repository, 'is required: name the ECR repository, e.g. team/web.');
    if (name.length < 2 || name.length > 256 || !REPOSITORY_NAME.test(name)) {
        throw new InputError(Input.Repository, `'${name}' is not a valid ECR repository name: use 2–256 lowercase letters, digits and . _ - separated by /, e.g. team/web.`);
    }
    return name;
}
function validateTag(input, tag) {
    if (!IMAGE_TAG.test(tag)) {
        throw new InputError(input, `'${tag}' is not a valid image tag: use up to 128 letters, digits, _ . - (not starting with . or -).`);
    }
    return tag;
}
function validatePlatform(platform) {
    const [os, arch, variant, ...rest] = platform.split('/');
    const ok = os !== undefined &&
        PLATFORM_OS.includes(os) &&
        arch !== undefined &&
        PLATFORM_ARCH.includes(arch) &&
        rest.length === 0 &&
        (variant === undefined || /^v\d+$/.test(variant));
    if (!ok) {
        throw new InputError(Input.Platforms, `'${platform}' is not a platform buildx knows: use os/arch[/variant], e.g. linux/amd64,linux/arm64.`);
    }
    return platform;
}
/** A policy input: the JSON itself, or a path (relative to the workspace) to a JSON file. */
function readPolicyText(name, value, workspace) {
    if (value.startsWith('{') || value.startsWith('['))
        return value;
    const file = path.resolve(workspace, value);
    if (!existsSync(file) || !statSync(file).isFile()) {
        throw new InputError(name, `'${value}' is neither JSON nor a file in the workspace: give the policy JSON or a path to it.`);
    }
    return readFileSync(file, 'utf8');
}
function readLifecycle(env, workspace, protectDefault) {
    const policyInput = getInput(env, Input.LifecyclePolicy);
    const keepCount = parseInteger(Input.LifecycleKeepCount, getInput(env, Input.LifecycleKeepCount), { min: 1, max: 10000 });
    const expireDays = parseInteger(Input.LifecycleExpireDays, getInput(env, Input.LifecycleExpireDays), { min: 1, max: 36500 });
    const untaggedDays = parseInteger(Input.LifecycleUntaggedDays, getInput(env, Input.LifecycleUntaggedDays), {
        min: 1,
        max: 36500
    });
    const protectInput = getInput(env, Input.LifecycleProtectTags);
    const protectTags = parseList(protectInput);
    for (const t of protectTags) {
        if (!/^[A-Za-z0-9_.*-]{1,128}$/.test(t) || (t.match(/\*/g) ?? []).length > 4) {
            throw new InputError(Input.LifecycleProtectTags, `'${t}' is not a tag pattern ECR accepts: use letters, digits, _ . - and at most 4 * wildcards.`);
        }
    }
    const shorthandStated = keepCount !== undefined || expireDays !== undefined || untaggedDays !== undefined || protectInput !== '';
    if (policyInput !== '') {
        if (shorthandStated) {
            throw new InputError(Input.LifecyclePolicy, 'is given together with lifecycle-keep-count / -expire-days / -untagged-days / -protect-tags: use either the full policy or the shorthand inputs.');
        }
        const text = readPolicyText(Input.LifecyclePolicy, policyInput, workspace);
        return { stated: true, policy: validateLifecyclePolicy(text, Input.LifecyclePolicy), source: 'lifecycle-policy' };
    }
    if (keepCount !== undefined && expireDays !== undefined) {
        throw new InputError(Input.LifecycleExpireDays, 'is given together with lifecycle-keep-count: keep the newest N images or expire them after N days, not both.');
    }
    const tagRule = expireDays !== undefined ? { expireDays } : { keepCount: keepCount ?? DEFAULT_LIFECYCLE.keepCount };
    const policy = generateLifecyclePolicy({
        ...tagRule,
        untaggedDays: untaggedDays ?? DEFAULT_LIFECYCLE.untaggedDays,
        protectTags: protectInput !== '' ? protectTags : protectDefault
    });
    return shorthandStated
        ? { stated: true, policy, source: 'lifecycle-* inputs' }
        : { stated: false, policy, source: 'default policy' };
}
function readMutability(env, cacheTag) {
    const modeInput = getInput(env, Input.TagMutability);
    const exclusionsInput = getInput(env, Input.TagMutabilityExclusions);
    const mode = (modeInput === '' ? DEFAULT_TAG_MUTABILITY : modeInput.toUpperCase());
    if (!TAG_MUTABILITIES.includes(mode)) {
        throw new InputError(Input.TagMutability, `'${modeInput}' is not a tag mutability: use ${TAG_MUTABILITIES.join(', ')}.`);
    }
    const withExclusions = mode.endsWith('_WITH_EXCLUSION');
    const listed = exclusionsInput === '' ? (withExclusions ? DEFAULT_MUTABILITY_EXCLUSIONS : []) : parseList(exclusionsInput);
    if (!withExclusions && listed.length > 0) {
        throw new InputError(Input.TagMutabilityExclusions, `only applies to IMMUTABLE_WITH_EXCLUSION and MUTABLE_WITH_EXCLUSION, not ${mode}: remove it or change tag-mutability.`);
    }
    if (withExclusions && (listed.length < 1 || listed.length > 5)) {
        throw new InputError(Input.TagMutabilityExclusions, `has ${listed.length} filters: ECR takes 1 to 5.`);
    }
    // The registry cache is rewritten by every build: its tag must stay mutable.
    const addCache = mode === 'IMMUTABLE_WITH_EXCLUSION' && cacheTag !== undefined && !listed.some(f => matchesFilter(cacheTag, f));
    const exclusions = addCache ? [...listed, cacheTag] : listed;
    if (exclusions.length > 5) {
        throw new InputError(Input.TagMutabilityExclusions, `has 5 filters and the registry cache needs one more for '${cacheTag}': drop one, or set cache-tag to a tag a filter already matches.`);
    }
    for (const f of exclusions) {
        if (!MUTABILITY_FILTER.test(f)) {
            throw new InputError(Input.TagMutabilityExclusions, `'${f}' is not a filter ECR accepts: use up to 128 letters, digits, . _ - and * wildcards.`);
        }
    }
    return { mutability: mode, exclusions: [...new Set(exclusions)], stated: modeInput !== '' || exclusionsInput !== '' };
}
const ACCOUNT_ID = /^\d{12}$/;
const ORG_ID = /^o-[a-z0-9]{10,32}$/;
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(?:root|role\/[\w+=,.@/-]+|user\/[\w+=,.@/-]+)$/;
const PULL_ACTIONS = (/* unused pure expression or super */ null && (['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability']));
/** A repository policy as ECR takes it: an IAM policy document with statements, ≤ 10,240 characters. */
function validateRepositoryPolicy(text) {
    const fail = (what) => {
        throw new InputError(Input.RepositoryPolicy, what);
    };
    if (text.length > 10240)
        fail(`the policy is ${text.length} characters; ECR takes at most 10240.`);
    let policy;
    try {
        policy = JSON.parse(text);
    }
    catch (error) {
        return fail(`is not valid JSON (${error.message}): give a repository policy document.`);
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
            throw new InputError(Input.PullPrincipals, `'${p}' is not a principal: use a 12-digit account ID, an IAM role or user ARN, or an organization ID (o-…).`);
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
    const policyInput = getInput(env, Input.RepositoryPolicy);
    const principals = parseList(getInput(env, Input.PullPrincipals));
    if (policyInput !== '' && principals.length > 0) {
        throw new InputError(Input.PullPrincipals, 'is given together with repository-policy: put the pull statement in the policy, or use pull-principals alone.');
    }
    if (policyInput !== '') {
        return { text: validateRepositoryPolicy(readPolicyText(Input.RepositoryPolicy, policyInput, workspace)), source: 'repository-policy' };
    }
    if (principals.length > 0)
        return { text: pullPolicy(principals), source: 'pull-principals' };
    return undefined;
}
function readResourceTags(env) {
    const tags = parseLines(getInput(env, Input.RepositoryTags)).map(line => {
        const at = line.indexOf('=');
        const Key = at > 0 ? line.slice(0, at).trim() : '';
        const Value = line.slice(at + 1).trim();
        if (Key === '' || Key.length > 128 || Value.length > 256 || /^aws:/i.test(Key) || !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(`${Key}${Value}`)) {
            throw new InputError(Input.RepositoryTags, `'${line}' is not a tag ECR accepts: one key=value per line, key up to 128 and value up to 256 characters, not starting with aws:.`);
        }
        return { Key, Value };
    });
    if (tags.length > 50)
        throw new InputError(Input.RepositoryTags, `has ${tags.length} tags: ECR takes at most 50.`);
    return tags;
}
function readReplication(env, region) {
    const regions = [...new Set(parseList(getInput(env, Input.ReplicateToRegions)))];
    for (const r of regions) {
        if (!REGION.test(r))
            throw new InputError(Input.ReplicateToRegions, `'${r}' is not an AWS region code: use codes like eu-west-1, ap-northeast-2.`);
        if (r === region)
            throw new InputError(Input.ReplicateToRegions, `lists ${r}, the repository's own region: list only the other regions to copy images to.`);
    }
    if (regions.length > 25)
        throw new InputError(Input.ReplicateToRegions, `lists ${regions.length} regions: an ECR replication rule takes at most 25.`);
    return regions;
}
function readScan(env) {
    const failOnInput = getInput(env, Input.ScanFailOn);
    const failOn = failOnInput.toUpperCase();
    if (failOnInput !== '' && !SEVERITIES.includes(failOn)) {
        throw new InputError(Input.ScanFailOn, `'${failOnInput}' is not a severity: use ${SEVERITIES.join(', ')}, or leave it empty for no gate.`);
    }
    const timeoutSeconds = parseInteger(Input.ScanTimeout, getInput(env, Input.ScanTimeout), { min: 10, max: 3600 }) ?? 600;
    return { ...(failOnInput !== '' ? { failOn } : {}), timeoutSeconds };
}
function readStoragePrice(env) {
    const value = getInput(env, Input.StoragePrice);
    if (value === '')
        return STORAGE_PRICE_USD_PER_GB_MONTH;
    if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) > 100) {
        throw new InputError(Input.StoragePrice, `'${value}' is not a price: give US$ per GB-month as a number, e.g. 0.10.`);
    }
    return Number(value);
}
/** ECR Public's catalog text: as given, or read from a file in the workspace (`about` is markdown). */
function readCatalog(env, workspace) {
    const description = getInput(env, Input.Description);
    const aboutInput = getInput(env, Input.About);
    let about = aboutInput;
    if (/^[\w./-]+\.(?:md|markdown|txt)$/i.test(aboutInput)) {
        const file = path.resolve(workspace, aboutInput);
        if (!existsSync(file))
            throw new InputError(Input.About, `'${aboutInput}' looks like a file but is not in the workspace: check it out first or give the text itself.`);
        about = readFileSync(file, 'utf8');
    }
    if (description.length > 1024)
        throw new InputError(Input.Description, `is ${description.length} characters: ECR Public takes at most 1024.`);
    if (about.length > 25600)
        throw new InputError(Input.About, `is ${about.length} characters: ECR Public takes at most 25600.`);
    return { ...(description !== '' ? { description } : {}), ...(about !== '' ? { about } : {}) };
}
/**
 * ECR Public has no lifecycle policies, tag immutability, scanning, encryption settings or
 * replication: a workflow that states one of them is told so instead of being ignored.
 */
function refuseForPublic(env) {
    const unsupported = [
        [Input.TagMutability, v => v !== ''],
        [Input.TagMutabilityExclusions, v => v !== ''],
        [Input.LifecyclePolicy, v => v !== ''],
        [Input.LifecycleKeepCount, v => v !== ''],
        [Input.LifecycleExpireDays, v => v !== ''],
        [Input.LifecycleUntaggedDays, v => v !== ''],
        [Input.LifecycleProtectTags, v => v !== ''],
        [Input.Encryption, v => v !== '' && v.toUpperCase() !== 'AES256'],
        [Input.KmsKey, v => v !== ''],
        [Input.ReplicateToRegions, v => v !== ''],
        [Input.ScanFailOn, v => v !== ''],
        [Input.PullPrincipals, v => v !== '']
    ];
    for (const [name, stated] of unsupported) {
        if (stated(getInput(env, name))) {
            throw new InputError(name, `is not available with registry-type: public (ECR Public has no such setting): remove it.`);
        }
    }
}
function readRegistryType(env) {
    const value = (getInput(env, Input.RegistryType) || 'private').toLowerCase();
    if (value !== 'private' && value !== 'public') {
        throw new InputError(Input.RegistryType, `'${value}' is not a registry type: use private (ECR) or public (ECR Public, public.ecr.aws).`);
    }
    if (value === 'public')
        refuseForPublic(env);
    for (const name of [Input.Description, Input.About]) {
        if (value === 'private' && getInput(env, name) !== '') {
            throw new InputError(name, 'is catalog data of ECR Public: set registry-type: public, or remove it.');
        }
    }
    return value;
}
function readBuildKeyValues(name, value) {
    const items = parseLines(value);
    for (const item of items) {
        if (!KEY_VALUE.test(item)) {
            throw new InputError(name, `'${item}' is not KEY=VALUE: give one KEY=VALUE per line.`);
        }
    }
    return items;
}
const CACHE_TYPES = (/* unused pure expression or super */ null && (['ecr', 'gha', 'none']));
const PROVENANCE = /^(?:true|false|mode=(?:min|max))$/;
const IF_VERSION_EXISTS = (/* unused pure expression or super */ null && (['auto', 'fail', 'skip']));
/** Empty: the registry cache for private repositories, none for public ones (it would publish every build stage). */
function readCache(env, registryType) {
    const typeInput = getInput(env, Input.Cache) || (registryType === 'public' ? 'none' : 'ecr');
    const type = typeInput.toLowerCase();
    if (!CACHE_TYPES.includes(type)) {
        throw new InputError(Input.Cache, `'${typeInput}' is not a cache: use ecr, gha or none.`);
    }
    return { type, tag: validateTag(Input.CacheTag, getInput(env, Input.CacheTag) || 'buildcache') };
}
function readBuild(env, workspace, cache) {
    const listed = parseList(getInput(env, Input.Platforms));
    const platforms = [...new Set((listed.length > 0 ? listed : DEFAULT_PLATFORMS).map(validatePlatform))];
    const contextInput = getInput(env, Input.Context) || '.';
    const remote = REMOTE_CONTEXT.test(contextInput);
    const context = remote ? contextInput : path.resolve(workspace, contextInput);
    if (!remote && !(existsSync(context) && statSync(context).isDirectory())) {
        throw new InputError(Input.Context, `'${contextInput}' is not a directory in the workspace: check out the code first (actions/checkout) or fix the path.`);
    }
    const fileInput = getInput(env, Input.File);
    let file = '';
    if (fileInput !== '') {
        file = path.resolve(workspace, fileInput);
        if (!existsSync(file))
            throw new InputError(Input.File, `'${fileInput}' does not exist: give the Dockerfile's path.`);
    }
    else if (!remote) {
        file = path.join(context, 'Dockerfile');
        if (!existsSync(file)) {
            throw new InputError(Input.File, `there is no Dockerfile in '${contextInput}': add one or give its path in 'file'.`);
        }
    }
    const target = getInput(env, Input.Target);
    if (target !== '' && !BUILD_TARGET.test(target)) {
        throw new InputError(Input.Target, `'${target}' is not a build stage name: use the name after AS in the Dockerfile.`);
    }
    const settings = {
        platforms,
        context,
        file,
        buildArgs: readBuildKeyValues(Input.BuildArgs, getInput(env, Input.BuildArgs)),
        labels: readBuildKeyValues(Input.Labels, getInput(env, Input.Labels)),
        push: parseBoolean(Input.Push, getInput(env, Input.Push), true),
        cache,
        provenance: readProvenance(env),
        sbom: parseBoolean(Input.Sbom, getInput(env, Input.Sbom), false),
        ...readSplitBuild(env)
    };
    if (target !== '')
        settings.target = target;
    return settings;
}
/** @param needed false for build-only runs (push: false), which make no AWS call */
function readSplitBuild(env) {
    const pushByDigest = parseBoolean(Input.PushByDigest, getInput(env, Input.PushByDigest), false);
    const mergeDigests = [...new Set(parseList(getInput(env, Input.MergeDigests)))];
    for (const d of mergeDigests) {
        if (!/^sha256:[0-9a-f]{64}$/.test(d)) {
            throw new InputError(Input.MergeDigests, `'${d}' is not an image digest: give the sha256:… digests the push-by-digest runs output.`);
        }
    }
    if (pushByDigest && mergeDigests.length > 0) {
        throw new InputError(Input.MergeDigests, 'is given together with push-by-digest: push each platform by digest first, then merge in a later job.');
    }
    return { pushByDigest, mergeDigests };
}
function readProvenance(env) {
    const value = getInput(env, Input.Provenance) || 'false';
    if (!PROVENANCE.test(value)) {
        throw new InputError(Input.Provenance, `'${value}' is not a provenance setting: use false, true, mode=min or mode=max.`);
    }
    return value;
}
function readIfVersionExists(env) {
    const value = (getInput(env, Input.IfVersionExists) || 'auto').toLowerCase();
    if (!IF_VERSION_EXISTS.includes(value)) {
        throw new InputError(Input.IfVersionExists, `'${value}' is not a choice: use auto, fail or skip.`);
    }
    return value;
}
function readAws(env, needed) {
    const region = getInput(env, Input.AwsRegion) || env.AWS_REGION || env.AWS_DEFAULT_REGION || '';
    if (region === '' && needed) {
        throw new InputError(Input.AwsRegion, 'no region: set aws-region (e.g. us-east-1) or AWS_REGION in the job.');
    }
    if (region !== '' && !REGION.test(region)) {
        throw new InputError(Input.AwsRegion, `'${region}' is not an AWS region code: use one like us-east-1 or ap-northeast-2.`);
    }
    const roleToAssume = getInput(env, Input.RoleToAssume);
    if (roleToAssume !== '' && !ROLE_ARN.test(roleToAssume)) {
        throw new InputError(Input.RoleToAssume, `'${roleToAssume}' is not an IAM role ARN: use arn:aws:iam::<12-digit account>:role/<name>.`);
    }
    const roleSessionName = getInput(env, Input.RoleSessionName) || 'GitHubActions';
    if (!SESSION_NAME.test(roleSessionName)) {
        throw new InputError(Input.RoleSessionName, `'${roleSessionName}' is not a session name STS accepts: use 2–64 of letters, digits and + = , . @ _ -.`);
    }
    const audience = getInput(env, Input.Audience) || 'sts.amazonaws.com';
    const aws = {
        region,
        audience,
        roleSessionName,
        roleDurationSeconds: parseInteger(Input.RoleDurationSeconds, getInput(env, Input.RoleDurationSeconds), { min: 900, max: 43200 }) ?? 3600,
        exportCredentials: parseBoolean(Input.ExportCredentials, getInput(env, Input.ExportCredentials), false)
    };
    if (roleToAssume !== '')
        aws.roleToAssume = roleToAssume;
    return aws;
}
function readEncryption(env) {
    const typeInput = getInput(env, Input.Encryption);
    const type = (typeInput || 'AES256').toUpperCase();
    if (type !== 'AES256' && type !== 'KMS') {
        throw new InputError(Input.Encryption, `'${typeInput}' is not an encryption type: use AES256 or KMS.`);
    }
    const kmsKey = getInput(env, Input.KmsKey);
    if (kmsKey === '')
        return { type };
    if (type !== 'KMS') {
        throw new InputError(Input.KmsKey, 'is only used with encryption: KMS: set encryption to KMS or remove kms-key.');
    }
    if (!KMS_KEY.test(kmsKey)) {
        throw new InputError(Input.KmsKey, `'${kmsKey}' is not a KMS key: use a key ARN, key ID, alias ARN or alias/<name>.`);
    }
    return { type, kmsKey };
}
const optional = (key, value) => (value === undefined ? {} : { [key]: value });
/**
 * Reads and validates every input. `env` is the step's environment (INPUT_* and GITHUB_*);
 * relative paths resolve against GITHUB_WORKSPACE (the runner's working directory).
 */
function readSettings(env = process.env) {
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const push = parseBoolean(Input.Push, getInput(env, Input.Push), true);
    const name = validateRepositoryName(getInput(env, Input.Repository));
    const registryType = readRegistryType(env);
    // ECR Public's API answers in us-east-1 only; the region input is then only for signing in.
    const aws = readAws(env, push && registryType === 'private');
    if (registryType === 'public' && aws.region === '')
        aws.region = PUBLIC_API_REGION;
    const cache = readCache(env, registryType);
    const ecrCacheTag = cache.type === 'ecr' ? cache.tag : undefined;
    const { mutability, exclusions, stated } = readMutability(env, ecrCacheTag);
    const versionInput = getInput(env, Input.Version);
    const version = versionInput !== ''
        ? validateTag(Input.Version, versionInput)
        : deriveVersion({ ref: env.GITHUB_REF ?? '', sha: env.GITHUB_SHA ?? '' });
    const latest = parseBoolean(Input.Latest, getInput(env, Input.Latest), true);
    const extraTags = parseList(getInput(env, Input.Tags)).map(t => validateTag(Input.Tags, t));
    const tags = [...new Set([version, ...(latest ? ['latest'] : []), ...extraTags])];
    if (ecrCacheTag !== undefined && tags.includes(ecrCacheTag)) {
        throw new InputError(Input.CacheTag, `'${ecrCacheTag}' is also an image tag this run pushes: give the cache a tag of its own.`);
    }
    return {
        aws,
        repository: {
            name,
            create: parseBoolean(Input.CreateRepository, getInput(env, Input.CreateRepository), true),
            tagMutability: mutability,
            tagMutabilityExclusions: exclusions,
            tagMutabilityStated: stated,
            ...(ecrCacheTag !== undefined ? { cacheTag: ecrCacheTag } : {}),
            scanOnPush: parseBoolean(Input.ScanOnPush, getInput(env, Input.ScanOnPush), true),
            encryption: readEncryption(env),
            lifecycle: readLifecycle(env, workspace, [...DEFAULT_LIFECYCLE.protectTags, ...(ecrCacheTag ? [ecrCacheTag] : [])]),
            ...optional('accessPolicy', readAccessPolicy(env, workspace)),
            tags: readResourceTags(env),
            replicateToRegions: readReplication(env, aws.region),
            type: registryType,
            catalog: readCatalog(env, workspace)
        },
        scan: readScan(env),
        storagePrice: readStoragePrice(env),
        image: { version, ifVersionExists: readIfVersionExists(env), latest, tags },
        build: readBuild(env, workspace, cache),
        skipLogout: parseBoolean(Input.SkipLogout, getInput(env, Input.SkipLogout), false),
        dryRun: parseBoolean(Input.DryRun, getInput(env, Input.DryRun), false),
        summary: parseBoolean(Input.Summary, getInput(env, Input.Summary), true)
    };
}

;// CONCATENATED MODULE: ./src/post.ts
/**
 * Post step: logs docker out of the registries the main step logged in to, unless
 * `skip-logout`. Warns and never fails the job.
 *
 * It runs at the end of every job that uses the action, so it loads as little as it can:
 * no AWS SDK and no @actions/core (whose HTTP client is most of a bundle). The three
 * runner conventions it needs are written out here: state arrives as STATE_<name>, a log
 * line is a line on stdout, a warning is the `::warning::` command.
 */




/** `::warning::` with the runner's escaping of %, CR and LF. */
const warning = (message) => {
    process.stdout.write(`::warning::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${(external_node_os_default()).EOL}`);
};
const info = (message) => {
    process.stdout.write(`${message}${(external_node_os_default()).EOL}`);
};
/** Forgets the registry credentials; returns the registries logged out. Warns, never fails. */
async function logout(run, registries, warn = warning) {
    const done = [];
    for (const registry of registries) {
        const result = await run(['logout', registry]);
        if (result.exitCode === 0)
            done.push(registry);
        else
            warn(`docker logout ${registry} failed: ${lastLine(result)}`);
    }
    return done;
}
async function post(env = process.env, run = docker) {
    try {
        const registries = JSON.parse(env[`STATE_${State.LoggedInRegistries}`] || '[]');
        if (parseBoolean(constants_Input.SkipLogout, getInput(env, constants_Input.SkipLogout), false)) {
            if (registries.length > 0)
                info(`Staying logged in to ${registries.join(', ')} (skip-logout).`);
        }
        else {
            for (const r of await logout(run, registries))
                info(`Logged out of ${r}`);
        }
    }
    catch (error) {
        warning(`Post step: ${error.message}`);
    }
}


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
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
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
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(908);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
