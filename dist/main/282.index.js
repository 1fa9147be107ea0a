export const id = 282;
export const ids = [282];
export const modules = {

/***/ 3282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pushPipeline: () => (/* binding */ pushPipeline)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3110);
// EXTERNAL MODULE: ./src/aws/destination.ts + 5 modules
var aws_destination = __webpack_require__(2210);
// EXTERNAL MODULE: ./src/aws/sign-in.ts + 1 modules
var sign_in = __webpack_require__(2369);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/aws/registry-scanning.ts
var registry_scanning = __webpack_require__(8756);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/settings/types.ts
var types = __webpack_require__(1664);
;// CONCATENATED MODULE: ./src/aws/scan-gate.ts
/**
 * The scanning gate (`scan-fail-on`): after the push, waits — bounded by `scan-timeout`,
 * with a progress line per poll — for ECR's scan of each platform image, adds up the
 * findings per severity and fails the run at or above the threshold.
 *
 * ECR scans image manifests, not an index, so a multi-platform image is judged by its
 * platform images together. A repository without scan on push gets the scan started here
 * (basic scanning allows one scan per image per day; a scan already started is awaited).
 * A scan that can't finish (FAILED, UNSUPPORTED_IMAGE, …) fails the gate: it can't vouch
 * for the image. The deadline bounds the polls themselves too: a poll still unanswered at
 * `scan-timeout` is aborted, and the gate fails as when the scan is still running.
 *
 * With the registry's ENHANCED scanning (Amazon Inspector), no basic scan is started: the
 * gate waits for Inspector's first result (PENDING until then, ACTIVE once scanned) and
 * counts the `enhancedFindings` by severity, every page of them; UNTRIAGED (Inspector has
 * not rated it yet) counts as UNDEFINED, the lowest severity. Statuses that carry no
 * current findings (FINDINGS_UNAVAILABLE, SCAN_ELIGIBILITY_EXPIRED, …) fail the gate.
 */



/** An enhanced finding's severity as the gate ranks it: UNTRIAGED (and anything unknown) as UNDEFINED. */
function enhancedSeverity(severity) {
    return types/* SEVERITIES */.o.includes(severity ?? '') ? severity : 'UNDEFINED';
}
/** Counts and ARNs per severity of enhanced findings. */
function countEnhanced(findings, into = { counts: {}, arns: {} }) {
    const arns = (into.arns ??= {});
    for (const f of findings) {
        const s = enhancedSeverity(f.severity);
        into.counts[s] = (into.counts[s] ?? 0) + 1;
        if (f.findingArn)
            (arns[s] ??= []).push(f.findingArn);
    }
    return into;
}
/** The ARNs of the findings at the failing severities, at most `max`, then "and N more". */
function failingArns(arns, threshold, max = 10) {
    const limit = types/* SEVERITIES */.o.indexOf(threshold);
    const all = types/* SEVERITIES */.o.filter((_, i) => i <= limit).flatMap(s => arns?.[s] ?? []);
    return all.length > max ? [...all.slice(0, max), `and ${all.length - max} more`] : all;
}
/** Why an enhanced scan's status gives the gate nothing to judge. */
const ENHANCED_ENDS = {
    FINDINGS_UNAVAILABLE: "Inspector's findings for it aren't available",
    SCAN_ELIGIBILITY_EXPIRED: 'the image is no longer eligible for Inspector scanning, so its findings are not kept current',
    UNSUPPORTED_IMAGE: "Inspector can't scan its operating system or package manager",
    LIMIT_EXCEEDED: "Inspector's scanning limit was reached",
    IMAGE_ARCHIVED: 'the image is archived'
};
/** Statuses after which findings can be read; ACTIVE is enhanced (continuous) scanning's. */
const DONE = new Set(['COMPLETE', 'ACTIVE']);
const WAITING = new Set(['IN_PROGRESS', 'PENDING']);
/** Severities at or above `threshold` that have findings, most severe first: empty passes. */
function gateFailures(total, threshold) {
    const limit = types/* SEVERITIES */.o.indexOf(threshold);
    return types/* SEVERITIES */.o.filter((s, i) => i <= limit && (total[s] ?? 0) > 0).map(s => `${total[s]} ${s}`);
}
function addCounts(all) {
    const total = {};
    for (const counts of all)
        for (const [s, n] of Object.entries(counts))
            total[s] = (total[s] ?? 0) + n;
    return total;
}
/** Findings per severity, in ECR's order, e.g. "1 CRITICAL, 3 HIGH"; "no findings". */
function formatCounts(counts) {
    const parts = types/* SEVERITIES */.o.filter(s => (counts[s] ?? 0) > 0).map(s => `${counts[s]} ${s}`);
    return parts.length > 0 ? parts.join(', ') : 'no findings';
}
/** The gate's failure when the scan is not done by the deadline; `status` is the last one read. */
function stillWaiting(what, status, elapsed, wait) {
    const seen = status === undefined ? `had no answer from ECR after ${elapsed} s` : `was still ${status} after ${elapsed} s`;
    return new errors/* ActionError */.lZ(`ECR's scan of ${what} ${seen}: run the job again later, or raise scan-timeout (now ${wait.timeoutSeconds} s).`);
}
async function waitForOne(ecr, repository, image, wait, deadline, abortSignal, enhanced) {
    const what = `${image.platform || 'image'} ${image.digest.slice(0, 19)}…`;
    const start = wait.now();
    let started = false;
    let status;
    // A poll the deadline cut short fails the gate like a scan still running.
    const bounded = async (call) => {
        try {
            return await call({ abortSignal });
        }
        catch (error) {
            if (abortSignal.aborted)
                throw stillWaiting(what, status, Math.round((wait.now() - start) / 1000), wait);
            throw error;
        }
    };
    for (let poll = 1;; poll++) {
        let out;
        try {
            out = await bounded(options => ecr.send(new dist_cjs/* DescribeImageScanFindingsCommand */.TQ0({ repositoryName: repository, imageId: { imageDigest: image.digest } }), options));
        }
        catch (error) {
            if (error.name !== 'ScanNotFoundException')
                throw error;
        }
        status = out?.imageScanStatus?.status ?? 'NOT_STARTED';
        if (DONE.has(status) && out !== undefined) {
            if (!enhanced && out.imageScanFindings?.enhancedFindings === undefined)
                return { counts: (out.imageScanFindings?.findingSeverityCounts ?? {}) };
            return readEnhanced(ecr, repository, image.digest, out, bounded);
        }
        if (!WAITING.has(status) && status !== 'NOT_STARTED') {
            const why = enhanced ? ENHANCED_ENDS[status] : undefined;
            throw new errors/* ActionError */.lZ(`ECR's ${enhanced ? 'enhanced ' : ''}scan of ${what} ended ${status}${why ? `: ${why}` : ''}${out?.imageScanStatus?.description ? ` (${out.imageScanStatus.description})` : ''}, so scan-fail-on can't vouch for the image: fix the cause, or remove scan-fail-on.`);
        }
        // Enhanced scanning: Inspector scans on its own; a basic scan can't be started.
        if (status === 'NOT_STARTED' && !started && !enhanced) {
            started = true;
            try {
                await bounded(options => ecr.send(new dist_cjs/* StartImageScanCommand */.Qc9({ repositoryName: repository, imageId: { imageDigest: image.digest } }), options));
                wait.log(`Started ECR's scan of ${what} (the repository doesn't scan on push).`);
            }
            catch (error) {
                // Scan on push got there first, or today's scan exists: wait for it.
                if (error.name !== 'LimitExceededException')
                    throw error;
            }
        }
        const elapsed = Math.round((wait.now() - start) / 1000);
        const interval = wait.interval(poll);
        if (wait.now() + interval > deadline)
            throw stillWaiting(what, status, elapsed, wait);
        wait.log(`Waiting for ECR's ${enhanced ? 'enhanced (Inspector) ' : ''}scan of ${what}: ${status} (${elapsed} s of ${wait.timeoutSeconds} s)`);
        await wait.sleep(interval);
    }
}
/**
 * Waits for every platform image's scan (together, under one deadline) and adds up their
 * findings. No image to judge is refused: the gate never passes on nothing.
 */
async function waitForScans(ecr, repository, images, wait, enhanced = false) {
    if (images.length === 0)
        throw new errors/* ActionError */.lZ(`scan-fail-on has no platform image of ${repository} to judge: run the job again, or remove scan-fail-on.`);
    const deadline = wait.now() + wait.timeoutSeconds * 1000;
    const abortSignal = (wait.deadline ?? AbortSignal.timeout)(wait.timeoutSeconds * 1000);
    const found = await Promise.all(images.map(image => waitForOne(ecr, repository, image, wait, deadline, abortSignal, enhanced)));
    const perImage = images.map((image, i) => ({ ...image, counts: found[i]?.counts ?? {} }));
    const result = { total: addCounts(found.map(f => f.counts)), perImage };
    if (found.some(f => f.arns !== undefined)) {
        const arns = {};
        for (const f of found)
            for (const [s, list] of Object.entries(f.arns ?? {}))
                (arns[s] ??= []).push(...list);
        result.arns = arns;
    }
    return result;
}
/** Every page of an enhanced scan's findings, from the first answer on; each page bounded by the gate's deadline. */
async function readEnhanced(ecr, repository, digest, first, bounded) {
    const found = countEnhanced(first.imageScanFindings?.enhancedFindings ?? []);
    for (let nextToken = first.nextToken; nextToken !== undefined;) {
        const token = nextToken;
        const page = await bounded(options => ecr.send(new dist_cjs/* DescribeImageScanFindingsCommand */.TQ0({ repositoryName: repository, imageId: { imageDigest: digest }, nextToken: token, maxResults: 1000 }), options));
        countEnhanced(page.imageScanFindings?.enhancedFindings ?? [], found);
        nextToken = page.nextToken;
    }
    // ECR's own counts, where it sends them, are never undercut by what the pages listed.
    for (const [severity, n] of Object.entries(first.imageScanFindings?.findingSeverityCounts ?? {})) {
        const s = enhancedSeverity(severity);
        found.counts[s] = Math.max(found.counts[s] ?? 0, n);
    }
    return found;
}

;// CONCATENATED MODULE: ./src/aws/scan-verdict.ts
/**
 * The scan gate (`scan-fail-on`) as a stage of the run: whether it can judge what was pushed
 * at all, the wait for ECR's scans (scan-gate.ts, bounded by `scan-timeout`), and the verdict
 * — the summary's line, the findings for the outputs, and the run's failure, which the
 * pipeline throws once the outputs and the summary are written. The gate judges every
 * platform image or fails the run: never "passed" on nothing.
 */





/**
 * Why the gate can't judge the pushed image; undefined when it can.
 * @param unread why the platform images could not be read, if they couldn't
 */
function unjudgeable(settings, target, unread) {
    if (unread !== undefined)
        return unread;
    if (target.ecr === undefined)
        return 'this registry has no scans: remove scan-fail-on.';
    const name = settings.repository.name;
    const scanning = target.scanning;
    if (scanning?.scanType !== 'ENHANCED' || (0,registry_scanning/* coveringRule */.sq)(scanning, name) !== undefined)
        return undefined;
    return `the registry's ENHANCED scanning has no rule covering ${name}, so Amazon Inspector doesn't scan it (and no basic scan can be started): add a rule whose filter covers it, or remove scan-fail-on.`;
}
/** Waits (up to scan-timeout) for ECR's scan of every platform image, and adds up their findings. */
async function awaitScans(settings, target, images) {
    const name = settings.repository.name;
    const enhanced = target.scanning?.scanType === 'ENHANCED';
    if (enhanced)
        core/* info */.pq(`Scan gate: the registry's ENHANCED scanning (Amazon Inspector) scans ${name}; awaiting its findings.`);
    return waitForScans(target.ecr, name, images.map(({ platform, digest }) => ({ platform, digest })), scanWait(settings.scan.timeoutSeconds), enhanced);
}
/** The gate's verdict on the scans it read, or on why it could judge nothing. */
function gateVerdict(settings, digest, scan, unjudged) {
    const { repository, image } = settings;
    const gate = settings.scan.failOn;
    if (gate === undefined)
        return { line: '' };
    if (unjudged !== undefined || scan === undefined) {
        const why = unjudged ?? 'no scan was read';
        const which = digest !== '' ? `${repository.name}@${digest}` : `${repository.name}:${image.version}`;
        return { line: `not judged — scan-fail-on ${gate}: failed (${why})`, failure: new errors/* ActionError */.lZ(`scan-fail-on can't judge ${which}: ${why}`) };
    }
    const failures = gateFailures(scan.total, gate);
    const arns = scan.arns !== undefined && failures.length > 0 ? failingArns(scan.arns, gate) : [];
    const findings = arns.length > 0 ? `<br>findings: ${arns.map(a => (a.startsWith('arn:') ? `\`${a}\`` : a)).join('<br>')}` : '';
    const line = `${formatCounts(scan.total)} — scan-fail-on ${gate}: ${failures.length > 0 ? 'failed' : 'passed'}${findings}`;
    if (failures.length === 0)
        return { line, counts: scan.total };
    if (arns.length > 0)
        core/* info */.pq(`Findings at or above ${gate}: ${arns.join(', ')}`);
    const where = arns.length > 0 ? "and the findings' ARNs are in the job summary, the findings" : 'are in the job summary, the findings';
    const failure = new errors/* ActionError */.lZ(`ECR's scan found ${failures.join(', ')} in ${repository.name}@${digest} (scan-fail-on: ${gate}): fix them and push a new version; the counts ${where} in the ECR console.`);
    return { line, counts: scan.total, failure };
}
/** Polls quickly at first (scans of small images finish in seconds), then every 5 s. */
function scanWait(timeoutSeconds) {
    return {
        timeoutSeconds,
        interval: poll => Math.min(1000 * 2 ** (poll - 1), 5000),
        sleep: retry.sleep,
        log: line => core/* info */.pq(line),
        now: () => Date.now()
    };
}

// EXTERNAL MODULE: ./src/build/builder.ts
var build_builder = __webpack_require__(8079);
// EXTERNAL MODULE: ./src/build/buildx.ts + 2 modules
var buildx = __webpack_require__(68);
// EXTERNAL MODULE: ./src/build/metadata.ts
var metadata = __webpack_require__(4443);
// EXTERNAL MODULE: ./src/settings/annotations.ts
var settings_annotations = __webpack_require__(3619);
// EXTERNAL MODULE: ./src/build/plan.ts + 1 modules
var plan = __webpack_require__(1963);
// EXTERNAL MODULE: ./src/registry/latest.ts + 1 modules
var registry_latest = __webpack_require__(6292);
// EXTERNAL MODULE: ./src/registry/tags.ts
var tags = __webpack_require__(7906);
;// CONCATENATED MODULE: ./src/registry/follow-tags.ts


/**
 * @param rerun a re-run: a floating tag the repository keeps immutable is left as it is (with a warning) rather than refused
 */
async function followRefTags(registry, repo, digest, image, retry, rerun = false) {
    const tagged = await (0,tags/* putMissing */.Sh)(registry, repo.name, digest, image.once, retry);
    const kept = [];
    for (const tag of image.floating) {
        const move = await (0,registry_latest/* moveForward */.n9)(registry, repo.name, tag, digest, retry, { allowBack: false, ...(rerun ? { mutability: repo.mutability } : {}) });
        if (move.action === 'kept')
            kept.push({ tag, why: move.why });
        else if (move.action === 'moved')
            tagged.push(tag);
    }
    return { tagged, kept };
}

;// CONCATENATED MODULE: ./src/tags-stage.ts
/**
 * The tags besides the version, put once the run's checks have passed. buildx pushes the
 * image under its version only (a merge makes the index under it, a re-run finds it there);
 * the workflow's other `tags`, the ref tags (`sha-1a2b3c4`, `1.2`, `1`, a branch's) and
 * `latest` follow here, after the provenance is attached, the scan gate has passed and the
 * signature is there. A check that failed leaves each of them where it was: whatever deploys
 * `latest`, `1.2` or `stable` never gets an image the run failed. `latest` and the floating
 * ref tags only move forward (registry/latest.ts); on a re-run the workflow's tags move back
 * to the existing image (registry/tags.ts).
 */





/** The tags this stage puts: every tag but the version, for a push that has tags (none by digest). */
const tagsAfterChecks = (settings) => (0,plan/* tagRoutes */.ZS)(settings.build, settings.image).api;
/**
 * What `latest`'s check reads (what it names, and the facts of that image and this run's),
 * started once the image is pushed and read while the attest stage, the scan gate and the
 * signature go on: once they passed, only `latest` is read again and put. Undefined when
 * `latest` isn't moved by this run or moves without the check.
 */
function latestReadAhead(settings, at, digest) {
    if (!tagsAfterChecks(settings).includes(registry_latest/* LATEST */.k0) || settings.image.latestMayMoveBack)
        return undefined;
    return (0,registry_latest/* readAhead */.Ek)(at.registry, at.destination.path, registry_latest/* LATEST */.k0, digest, at.retry);
}
/**
 * Puts the tags after the version on the pushed image — or, when a check failed (`held`:
 * which, in words), leaves them all where they were and says so. Returns what was pushed,
 * its outcome and the tags the outputs name brought up to date.
 * @param rerun a re-run that built nothing: the tags move back to the existing image; immutable ones stay with a warning
 */
async function putTags(settings, at, pushed, rerun, held) {
    const { image } = settings;
    const later = tagsAfterChecks(settings);
    if (later.length === 0)
        return pushed;
    if (held !== undefined) {
        core/* warning */.$e(`${later.map(t => `'${t}'`).join(', ')} left where ${later.length === 1 ? 'it was' : 'they were'}: ${held}.`);
        return { ...pushed, outcome: `${pushed.outcome}; ${later.join(', ')} not put: ${held}`, latestKept: later.includes(registry_latest/* LATEST */.k0), keptTags: later.filter(t => t !== registry_latest/* LATEST */.k0) };
    }
    const { destination, registry, retry } = at;
    const repo = { name: destination.path, mutability: destination.mutability };
    const others = later.filter(t => t !== registry_latest/* LATEST */.k0 && !image.floating.includes(t) && !image.once.includes(t));
    // A re-run moves the tags that name another image back (moveTags); a new image gets them all.
    let moved = others;
    if (rerun)
        moved = await (0,tags/* moveTags */.Fu)(registry, repo, pushed.digest, others, retry);
    else
        await (0,tags/* addTags */.JE)(registry, repo.name, pushed.digest, others, retry);
    const refs = await followRefTags(registry, repo, pushed.digest, image, retry, rerun);
    await at.latestRead;
    const latest = later.includes(registry_latest/* LATEST */.k0)
        ? await (0,registry_latest/* moveLatest */.f0)(registry, repo.name, pushed.digest, retry, {
            allowBack: image.latestMayMoveBack,
            ...(rerun ? { mutability: repo.mutability } : {}),
            ...(at.latestAhead ? { ahead: at.latestAhead } : {})
        })
        : undefined;
    const kept = new Set([...refs.kept.map(k => k.tag), ...(latest?.action === 'kept' ? [registry_latest/* LATEST */.k0] : [])]);
    let outcome = pushed.outcome;
    if (rerun) {
        const all = [...moved, ...refs.tagged, ...(latest?.action === 'moved' ? [registry_latest/* LATEST */.k0] : [])];
        if (all.length > 0)
            outcome += `; moved ${all.join(', ')} to it`;
    }
    else {
        const tagged = later.filter(t => !kept.has(t));
        if (tagged.length > 0)
            core/* info */.pq(`Tagged ${pushed.digest} as ${tagged.join(', ')}`);
    }
    if (latest?.action === 'kept')
        outcome += `; ${latest.why}`;
    if (refs.kept.length > 0)
        outcome += `; ${refs.kept.map(k => k.why).join('; ')}`;
    // The metadata names every tag, as when buildx pushes them all.
    const metadata = typeof pushed.metadata['image.name'] === 'string'
        ? {
            ...pushed.metadata,
            'image.name': (0,plan/* imageReferences */.Ef)(destination.uri, image.tags.filter(t => !kept.has(t))).join(',')
        }
        : pushed.metadata;
    return { ...pushed, metadata, outcome, ...(latest?.action === 'kept' ? { latestKept: true } : {}), ...(refs.kept.length > 0 ? { keptTags: refs.kept.map(k => k.tag) } : {}) };
}
/** Which check failed, in words, for `putTags`' `held`; undefined when none did. */
function failedCheck(checks) {
    if (checks.gate !== undefined)
        return 'scan-fail-on did not pass';
    if (checks.signature !== undefined)
        return 'require-signature: the image is not signed';
    if (checks.attest !== undefined)
        return 'the provenance was not attached';
    return undefined;
}

// EXTERNAL MODULE: ./src/build/record.ts
var record = __webpack_require__(991);
// EXTERNAL MODULE: ./src/registry/existing-version.ts
var existing_version = __webpack_require__(6527);
// EXTERNAL MODULE: ./src/registry/refusals.ts
var refusals = __webpack_require__(390);
// EXTERNAL MODULE: ./src/registry/already-tagged.ts
var already_tagged = __webpack_require__(8752);
// EXTERNAL MODULE: ./src/settings/tag-references.ts
var tag_references = __webpack_require__(2516);
// EXTERNAL MODULE: ./src/registry/platform-images.ts
var platform_images = __webpack_require__(9975);
// EXTERNAL MODULE: ./src/settings/prices.ts
var prices = __webpack_require__(9627);
// EXTERNAL MODULE: ./src/settings/registry-host.ts
var registry_host = __webpack_require__(5777);
// EXTERNAL MODULE: ./src/report/image-size.ts
var image_size = __webpack_require__(5133);
// EXTERNAL MODULE: ./src/report/outputs.ts
var report_outputs = __webpack_require__(5468);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./src/report/report.ts
/**
 * The report: the run's outputs and its job summary, from what the run did and found (plain
 * data: nothing here reads a registry or waits). The pipeline writes it before it fails a
 * run on the scan gate's verdict, so a failing scan still leaves the outputs and the counts.
 */






/** Writes the outputs and the job summary. */
async function report(settings, run) {
    const { build, image, repository } = settings;
    const { destination, pushed, images, unread, scan, signature } = run;
    const kept = new Set([...(pushed.keptTags ?? []), ...(pushed.latestKept ? ['latest'] : [])]);
    const pushedTags = build.pushByDigest ? { ...image, tags: [], latest: false } : { ...image, tags: image.tags.filter(t => !kept.has(t)), latest: image.latest && !pushed.latestKept };
    const replicas = build.pushByDigest ? [] : (0,registry_host/* replicaUris */.Ix)(`${destination.uri}:${image.version}`, repository.replicateToRegions);
    const outputs = (0,report_outputs/* imageOutputs */.am)({
        ...(0,report_outputs/* outputBase */.zx)(pushedTags, destination.uri, destination.registry),
        digest: pushed.digest,
        metadata: pushed.metadata,
        skipped: !pushed.built,
        replicaUris: replicas,
        ...(scan?.counts !== undefined ? { scanFindings: scan.counts } : {}),
        ...(signature ? { signature: signature.state } : {}),
        labels: pushed.labels ?? [],
        annotations: pushed.annotations ?? [],
        copiedUris: (run.copies ?? []).map(c => `${c.uri}@${pushed.digest}`)
    });
    (0,report_outputs/* setOutputs */.n0)(outputs);
    core/* info */.pq(`${pushed.built ? 'Pushed' : 'Kept'} ${outputs['image-digest-uri']}`);
    if (signature?.warning !== undefined)
        core/* warning */.$e(signature.warning);
    if (!settings.summary)
        return;
    const sizes = (0,image_size/* sizeReport */.Mo)(images, run.latestBefore, settings.storagePrice, 1 + repository.replicateToRegions.length);
    if (!pushed.built)
        sizes.addedBytes = 0;
    if (pushed.uploaded !== undefined)
        Object.assign(sizes, { addedBytes: pushed.uploaded, addedBy: 'upload' });
    const priceSource = (settings.storagePrice === prices/* STORAGE_PRICE_USD_PER_GB_MONTH */.Uz ? `ECR's price, ${prices/* STORAGE_PRICE_AS_OF */.Hm}` : 'storage-price') +
        (repository.type === 'public' ? '; ECR Public: the first 50 GB a month are free' : '');
    await (0,summary/* writeSummary */.Sy)({
        repository: repository.name,
        pushed: true,
        skipped: !pushed.built,
        timings: run.times,
        outcome: pushed.outcome,
        imageUri: outputs['image-uri'],
        imageDigestUri: outputs['image-digest-uri'],
        digest: pushed.digest,
        tags: build.pushByDigest ? image.tags : pushedTags.tags,
        platforms: build.platforms,
        ...(pushed.builder !== undefined ? { builder: pushed.builder } : {}),
        platformDigests: images.filter(i => i.platform !== '').map(({ platform, digest }) => ({ platform, digest })),
        cache: build.cache.type === 'ecr' ? cacheLine(destination.uri, build.cache) : build.cache.type,
        repositoryChanges: [...destination.changes, ...(destination.notes ?? []).map(n => `note: ${n}`)],
        lifecycle: destination.lifecycle,
        warnings: signature?.warning !== undefined ? [...destination.warnings, signature.warning] : destination.warnings,
        ...(images.length > 0 ? { size: { lines: (0,image_size/* sizeLines */.FP)(sizes, settings.storagePrice, priceSource) } } : unread !== undefined ? { size: { lines: [`not known: ${unread}`] } } : {}),
        ...(scan !== undefined ? { scan: scan.line } : {}),
        ...(signature ? { signature: signature.line } : {}),
        replicas,
        ...(run.attachments !== undefined ? { attachments: run.attachments } : {}),
        ...(run.copies !== undefined && run.copies.length > 0 ? { copies: run.copies.map(c => c.line) } : {})
    });
}
/** The registry cache as the summary names it: the tag written, and any other the build read. */
function cacheLine(uri, cache) {
    const others = cache.from.filter(t => t !== cache.tag);
    return `ecr (${uri}:${cache.tag}${others.length > 0 ? `; also read: ${others.join(', ')}` : ''})`;
}

// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/signing.ts
var signing = __webpack_require__(2154);
;// CONCATENATED MODULE: ./src/aws/signature.ts
/**
 * The signature stage: after the push, waits — bounded by `signature-timeout`, a line per
 * poll — until DescribeImageSigningStatus reports the pushed image signed by every Signer
 * profile whose rule covers the repository (aws/signing.ts). The image judged is the one the
 * run outputs (`digest`): for a multi-platform image its index, which is what a tag or
 * `image-digest-uri` resolves to and what `notation verify` checks; a push-by-digest job's
 * platform image.
 *
 * Outcomes (the `signature` output): `signed`; `failed` (a profile's status FAILED);
 * `in-progress` (not done by the deadline); `unsigned` (nothing signs it, or a reused image
 * pushed before a rule covered it); `unknown` (the configuration or the status could not be
 * read). With `require-signature` anything but `signed` fails the run, naming the profile
 * and the permissions involved; without it the last three are warnings.
 */


const SIGN_PERMISSION = 'the role that pushes needs signer:SignPayload on it (ECR signs with the identity that pushed the image)';
/** A result that is not `signed`: a failure with require-signature, else a warning. */
function notSigned(state, line, why, require) {
    return require ? { state, line, failure: `require-signature is true, but ${why}` } : { state, line, warning: why.charAt(0).toUpperCase() + why.slice(1) };
}
/** Why signing failed, e.g. ` (AccessDenied: …)`; '' when ECR gave no reason. */
const failureWords = (s) => (s.failureCode || s.failureReason ? ` (${[s.failureCode, s.failureReason].filter(Boolean).join(': ')})` : '');
/** The profile's status in words, e.g. `FAILED (AccessDenied: …)`. */
const statusWords = (s) => `${s.status ?? 'no status'}${failureWords(s)}`;
/** Judges one answer: a result when it decides, undefined while signing goes on. */
function judgeStatuses(statuses, profiles, target) {
    const what = `${target.repository}@${target.digest}`;
    const failed = statuses.find(s => s.status === 'FAILED');
    if (failed !== undefined) {
        const profile = failed.signingProfileArn ?? profiles[0]?.arn ?? 'unknown';
        return notSigned('failed', `FAILED with the Signer profile \`${profile}\`${failureWords(failed)}`, `ECR's managed signing of ${what} failed with the Signer profile ${profile}: ${statusWords(failed)}; ${SIGN_PERMISSION}, and the profile must be active in ${target.region}`, target.require);
    }
    const complete = (arn) => statuses.some(s => s.signingProfileArn === arn && s.status === 'COMPLETE');
    if (statuses.length > 0 && statuses.every(s => s.status === 'COMPLETE') && profiles.every(p => complete(p.arn))) {
        const arns = [...new Set(statuses.map(s => s.signingProfileArn ?? ''))].filter(a => a !== '');
        return { state: 'signed', line: `signed by ${arns.map(a => `\`${a}\``).join(', ')} (ECR managed signing)` };
    }
    if (statuses.length === 0 && !target.pushedNow) {
        return notSigned('unsigned', 'unsigned: ECR has no signing status for this image (pushed before a signing rule covered the repository; this run pushed nothing)', `${what} is not signed: ECR has no signing status for it (it was pushed before a signing rule covered ${target.repository}, and ECR signs on push); push a new version to have it signed`, target.require);
    }
    return undefined;
}
/** The result for a plan that waits for nothing: nothing signs the image, or the configuration couldn't be read. */
function unwaited(plan, target) {
    if (plan.kind === 'none') {
        const line = `unsigned: ${plan.why}`;
        return target.require ? { state: 'unsigned', line, failure: `require-signature is true, but ${target.repository}@${target.digest} is not signed: ${plan.why}` } : { state: 'unsigned', line };
    }
    return notSigned('unknown', `not known: ${plan.why}`, `whether ECR signed ${target.repository}@${target.digest} is not known: ${plan.why}; grant the role ecr:GetSigningConfiguration (on *) to have the action wait for the signature`, target.require);
}
/** Waits for the signature of `target` by every profile of the plan, under one deadline. */
async function awaitSignature(plan, target, wait) {
    if (plan.kind !== 'signed')
        return unwaited(plan, target);
    const { profiles } = plan;
    const what = `${target.repository}@${target.digest}`;
    const start = wait.now();
    const deadline = start + wait.timeoutSeconds * 1000;
    const timeout = (wait.deadline ?? AbortSignal.timeout)(wait.timeoutSeconds * 1000);
    const abortSignal = target.cancel ? AbortSignal.any([timeout, target.cancel]) : timeout;
    let statuses = [];
    const late = () => {
        const elapsed = Math.round((wait.now() - start) / 1000);
        const pending = profiles.filter(p => !statuses.some(s => s.signingProfileArn === p.arn && s.status === 'COMPLETE'));
        const seen = statuses.length > 0 ? statuses.map(statusWords).join(', ') : 'no signing status yet';
        return notSigned('in-progress', `not signed in time: ${seen} after ${elapsed} s (signature-timeout ${wait.timeoutSeconds} s), waiting on ${pending.map(p => `\`${p.arn}\``).join(', ')}`, `ECR's managed signing of ${what} with ${(0,signing/* profileWords */.PS)(pending)} was not done after ${elapsed} s (${seen}): run the job again later, or raise signature-timeout (now ${wait.timeoutSeconds} s); ${SIGN_PERMISSION}`, target.require);
    };
    for (let poll = 1;; poll++) {
        try {
            const out = await target.ecr.send(new dist_cjs/* DescribeImageSigningStatusCommand */.feV({ repositoryName: target.repository, imageId: { imageDigest: target.digest } }), { abortSignal });
            statuses = out?.signingStatuses ?? [];
        }
        catch (error) {
            target.cancel?.throwIfAborted();
            if (abortSignal.aborted)
                return late();
            const e = error;
            // Just pushed: ECR may not list the image yet; the deadline still bounds the wait.
            if (e.name !== 'ImageNotFoundException') {
                const why = `${e.name}: ${e.message.replace(/\s+/g, ' ')}`;
                const fix = e.name === 'AccessDeniedException' ? 'grant the role ecr:DescribeImageSigningStatus on the repository' : 'run the job again';
                return notSigned('unknown', `not known: the signing status could not be read (${why})`, `the signing status of ${what} could not be read (${why}): ${fix}`, target.require);
            }
        }
        const judged = judgeStatuses(statuses, profiles, target);
        if (judged !== undefined)
            return judged;
        const elapsed = Math.round((wait.now() - start) / 1000);
        const interval = wait.interval(poll);
        if (wait.now() + interval > deadline)
            return late();
        const now = statuses.length > 0 ? statuses.map(s => s.status ?? '?').join(', ') : 'not started';
        wait.log(`Waiting for ECR's managed signing of ${what.replace(/(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…')}: ${now} (${elapsed} s of ${wait.timeoutSeconds} s)`);
        await wait.sleep(interval);
        target.cancel?.throwIfAborted();
    }
}

;// CONCATENATED MODULE: ./src/signing-stage.ts
/**
 * ECR managed signing in the run, apart from the other stages:
 *
 *   readSigning        the registry's signing configuration, read once signed in, beside the
 *                      repository stage and the version lookup (never rejects: a refusal is
 *                      a plan too);
 *   checkBeforeBuild   with `require-signature`, a configuration that can't be read or signs
 *                      nothing here stops the run before it builds or pushes anything;
 *   signatureStage     after the push, the `signature` stage waits for ECR's signature of the
 *                      pushed image (aws/signature.ts); the report then writes it to the
 *                      outputs and the summary, and fails the run after them when required.
 */






/** The plan for this run's repository (a registry-wide read: the repository needn't exist yet); ECR Public has no managed signing. */
async function readSigning(settings, session, signal) {
    if (settings.repository.type === 'public')
        return { kind: 'none', why: 'ECR Public has no managed signing' };
    try {
        return await (0,signing/* readSigningPlan */.pz)((0,clients/* createEcrClient */.yv)(session), settings.repository.name, signal);
    }
    catch (error) {
        // Only a cancel gets here; the stage after this one stops the run.
        return { kind: 'unreadable', why: error.message };
    }
}
/** Stops a `require-signature` run that ECR won't sign (or can't be known to), before its build. */
function checkBeforeBuild(settings, plan) {
    if (settings.signing.require) {
        const problem = (0,signing/* requireProblem */.Lg)(plan, settings.repository.name);
        if (problem !== undefined)
            throw new errors/* ActionError */.lZ(problem);
    }
}
/** Polls quickly at first (ECR signs within seconds), then every 5 s. */
function signatureWait(timeoutSeconds) {
    return { timeoutSeconds, interval: poll => Math.min(1000 * 2 ** (poll - 1), 5000), sleep: retry.sleep, log: line => core/* info */.pq(line), now: () => Date.now() };
}
/** A run without a digest (never expected after a push): nothing to ask ECR about. */
function noDigest(require) {
    const why = 'the run has no image digest to ask ECR about its signature';
    return { state: 'unknown', line: `not known: ${why}`, ...(require ? { failure: `require-signature is true, but ${why}` } : { warning: `The ${why.slice(4)}` }) };
}
/**
 * The pushed image's signature: waited for in the `signature` stage when a rule covers the
 * repository, else one line saying why it is unsigned (or not known).
 */
async function signatureStage(settings, stages, destination, pushed, plan, signal) {
    const repository = settings.repository.name;
    const target = {
        repository,
        digest: pushed.digest,
        region: settings.aws.region,
        pushedNow: pushed.built,
        require: settings.signing.require,
        ...(signal ? { cancel: signal } : {})
    };
    const ecr = destination.ecr;
    const result = plan.kind !== 'signed'
        ? unwaited(plan, target)
        : ecr !== undefined && pushed.digest !== ''
            ? await stages.run('signature', () => awaitSignature(plan, { ...target, ecr }, signatureWait(settings.signing.timeoutSeconds)))
            : noDigest(settings.signing.require);
    core/* info */.pq(`Signature of ${repository}@${pushed.digest}: ${result.line.replace(/`/g, '')}`);
    return result;
}

;// CONCATENATED MODULE: ./src/stages.ts
/** The pipeline's stages, each a group in the log, timed for the job summary; none starts after a cancel. */

class Stages {
    signal;
    /** seconds per stage, in the order they ran */
    times = [];
    constructor(signal) {
        this.signal = signal;
    }
    async run(name, fn) {
        this.signal?.throwIfAborted();
        const start = performance.now();
        try {
            return await core/* group */.Os(name, fn);
        }
        finally {
            this.times.push([name, (performance.now() - start) / 1000]);
        }
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./src/aws/public-repository.ts
var public_repository = __webpack_require__(3765);
// EXTERNAL MODULE: ./src/aws/registry-token.ts
var registry_token = __webpack_require__(8318);
// EXTERNAL MODULE: ./src/aws/session.ts
var aws_session = __webpack_require__(9401);
;// CONCATENATED MODULE: ./src/aws/other-registries.ts
/**
 * The tokens of the other registries a run reads from or copies to (`read-registries`,
 * `copy-to`): ECR's GetAuthorizationToken in the registry's region (ECR Public's for
 * public.ecr.aws), with the run's session or, for a registry given `=<role ARN>`, a session
 * of that role (STS AssumeRole with the run's credentials). ECR's token is good for every
 * registry of the region the identity may read, so docker signs in to the host the
 * workflow named, not the token's proxyEndpoint (the identity's own account). Every
 * credential is masked the moment it exists, and renewed when it is about to run out.
 */







/** The session a registry's token is asked for with: the run's, in the registry's region, or the registry's role's. */
async function sessionFor(registry, session, sessionName) {
    const region = registry.kind === 'private' ? registry.region : session.region;
    const inRegion = { ...session, region };
    if (registry.role === undefined)
        return inRegion;
    const role = registry.role;
    const sts = (0,clients/* explainCertificates */.i0)(new client_sts_dist_cjs/* STSClient */.iM((0,clients/* sdkConfig */.bN)(session, 'STS')));
    const assume = async () => {
        let c;
        try {
            c = (await sts.send(new client_sts_dist_cjs/* AssumeRoleCommand */.QL({ RoleArn: role, RoleSessionName: sessionName }))).Credentials;
        }
        catch (error) {
            const name = error.name;
            if (name === 'AccessDenied' || name === 'AccessDeniedException') {
                throw new errors/* ActionError */.lZ(`Could not assume ${role} for ${registry.host} (${name}: ${(0,errors/* logSafe */.sN)(error.message)}): the run's role needs sts:AssumeRole on it, and its trust policy must name the run's role.`);
            }
            throw error;
        }
        if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken)
            throw new errors/* ActionError */.lZ(`STS returned no credentials for ${role}.`);
        for (const secret of [c.AccessKeyId, c.SecretAccessKey, c.SessionToken])
            core/* setSecret */.Pq(secret);
        return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, ...(c.Expiration ? { expiration: c.Expiration } : {}) };
    };
    const credentials = new aws_session/* Renewable */.eR(`the session of ${role}`, await assume(), assume, { log: line => core/* info */.pq(line) });
    return { ...inRegion, credentials };
}
/** The registry's token, renewed when due; docker's user name and the host the workflow named. */
async function otherRegistryToken(registry, session) {
    if (registry.kind === 'public') {
        const pub = await (0,public_repository/* createPublicClient */.lh)(session);
        return (0,registry_token/* registryToken */.pd)(() => (0,registry_token/* getPublicRegistryCredentials */.vR)(pub));
    }
    const ecr = (0,clients/* createEcrClient */.yv)(session);
    return (0,registry_token/* registryToken */.pd)(async () => ({ ...(await (0,registry_token/* getRegistryCredentials */.U2)(ecr)), registry: registry.host }));
}
const otherRegistryDeps = { sessionFor, token: otherRegistryToken };
/**
 * Each registry's token, asked for side by side, one per host even when listed in both
 * inputs; a refusal names the registry and what its identity needs.
 */
async function otherRegistryTokens(registries, session, sessionName, deps = otherRegistryDeps) {
    const unique = [...new Map(registries.map(r => [r.host, r])).values()];
    const tokens = await Promise.all(unique.map(async (registry) => {
        try {
            return [registry.host, await deps.token(registry, await deps.sessionFor(registry, session, sessionName))];
        }
        catch (error) {
            if (error instanceof errors/* ActionError */.lZ)
                throw error;
            const name = error.name;
            const action = registry.kind === 'public' ? 'ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken' : 'ecr:GetAuthorizationToken';
            const hint = /AccessDenied/.test(name) ? `: ${registry.role ?? "the run's role"} needs ${action}` : '';
            throw new errors/* ActionError */.lZ(`Could not get a token for ${registry.host} (${name}: ${(0,errors/* logSafe */.sN)(error.message)})${hint}.`);
        }
    }));
    return new Map(tokens);
}

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/registry/client.ts + 1 modules
var client = __webpack_require__(9405);
// EXTERNAL MODULE: ./src/registry/bearer.ts
var bearer = __webpack_require__(8134);
;// CONCATENATED MODULE: ./src/registry/copy.ts
/**
 * `copy-to`: the pushed image copied by digest to another repository over the registry API,
 * without building again. Every platform image first (its blobs, then its manifest by
 * digest), then the index by digest, then the version tag — so a tag never names what the
 * destination lacks, and the copy's digests are the source's (the manifests' bytes as they
 * are). A blob the destination has is skipped; in the same registry it is mounted from the
 * source repository when the registry allows it (ECR: the BLOB_MOUNTING account setting),
 * else it is streamed from the source's GET into the destination's upload — read once,
 * hashed on the way and checked before the upload is closed, never on disk.
 *
 * The version tag: one that already names the image is left as it is; another is put over
 * it, which a repository that keeps its tags immutable refuses, as buildx's push would be.
 */






/** Blob copies at once. */
const PARALLEL_BLOBS = 4;
/** Copies the image `digest` names from `source` to `target`, tagged `tag`. */
async function copyImage(source, target, digest, tag, retry) {
    const counts = { manifests: 0, present: 0, mounted: 0, uploaded: 0, tagKept: false };
    const top = await copyManifest(source, target, digest, retry, counts);
    const where = `${target.client.registry}/${target.repository}`;
    const existing = await (0,refusals/* withRegistryRetry */.ox)(target.client.registry, `reading '${tag}' in ${where}`, retry, () => target.client.manifest(target.repository, tag));
    if (existing?.digest === digest)
        counts.tagKept = true;
    else
        await (0,refusals/* withRegistryRetry */.ox)(target.client.registry, `tagging the copy '${tag}' in ${where}`, retry, () => target.client.putManifest(target.repository, tag, top.mediaType, top.body));
    return counts;
}
/** A manifest and everything it names, by digest, children first. */
async function copyManifest(source, target, digest, retry, counts) {
    const what = `${source.client.registry}/${source.repository}@${digest}`;
    const raw = await (0,refusals/* withRegistryRetry */.ox)(source.client.registry, `reading ${what}`, retry, () => source.client.manifestBytes(source.repository, digest));
    if (raw === undefined)
        throw new errors/* ActionError */.lZ(`Copying: the registry has no ${what} any more; run the job again.`);
    if (`sha256:${(0,external_node_crypto_.createHash)('sha256').update(raw.body).digest('hex')}` !== digest)
        throw new errors/* ActionError */.lZ(`Copying: ${what} was served with other bytes than its digest; run the job again.`);
    const manifest = (0,client.parseManifest)(raw.body.toString('utf8'), raw.mediaType, digest);
    if (client.INDEX_MEDIA_TYPES.includes(manifest.mediaType)) {
        for (const child of manifest.manifests ?? [])
            await copyManifest(source, target, child.digest, retry, counts);
    }
    else {
        const blobs = [...(manifest.config ? [manifest.config] : []), ...(manifest.layers ?? [])];
        await inParallel(blobs, PARALLEL_BLOBS, async (blob) => {
            const done = await (0,refusals/* withRegistryRetry */.ox)(target.client.registry, `copying blob ${blob.digest} to ${target.repository}`, retry, () => copyBlob(source, target, blob));
            counts[done]++;
        });
    }
    const put = await (0,refusals/* withRegistryRetry */.ox)(target.client.registry, `putting ${digest} to ${target.client.registry}/${target.repository}`, retry, () => target.client.putManifest(target.repository, digest, manifest.mediaType, raw.body));
    if (put !== '' && put !== digest)
        throw new errors/* ActionError */.lZ(`Copying: ${target.client.registry} stored ${digest} as ${put}; the copy would not be the same image.`);
    counts.manifests++;
    return { mediaType: manifest.mediaType, body: raw.body };
}
/** One blob: already there, mounted from the source (same registry), or streamed over. */
async function copyBlob(source, target, blob) {
    if (await target.client.blobExists(target.repository, blob.digest))
        return 'present';
    if (source.client.registry === target.client.registry && (await mount(source, target, blob.digest)))
        return 'mounted';
    const res = await source.client.send('GET', `/v2/${source.repository}/blobs/${blob.digest}`, { streamBody: true });
    if (!res.ok || res.stream === undefined) {
        await res.arrayBuffer().catch(() => undefined);
        throw new client.RegistryError(res.status, `GET ${source.repository} blob ${blob.digest}: ${res.status}`);
    }
    const size = blob.size ?? Number(res.headers.get('content-length') ?? NaN);
    if (!Number.isSafeInteger(size))
        throw new errors/* ActionError */.lZ(`Copying: blob ${blob.digest} has no size.`);
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    const body = new external_node_stream_.PassThrough();
    res.stream.on('data', (chunk) => {
        hash.update(chunk);
        bytes += chunk.length;
    });
    res.stream.on('error', error => body.destroy(error));
    res.stream.pipe(body);
    await target.client.uploadBlob(target.repository, blob.digest, size, body, () => {
        const got = `sha256:${hash.digest('hex')}`;
        if (got !== blob.digest || bytes !== size)
            throw new errors/* ActionError */.lZ(`Copying: blob ${blob.digest} read from ${source.repository} was ${bytes} bytes of ${got}; nothing was stored. Run the job again.`);
    });
    return 'uploaded';
}
/**
 * A cross-repository mount (`POST …/blobs/uploads/?mount=&from=`): true when the registry
 * mounted it (201). A registry that doesn't mount starts an upload instead (202), which is
 * cancelled again: the blob is streamed over in an upload of its own.
 */
async function mount(source, target, digest) {
    const query = new URLSearchParams({ mount: digest, from: source.repository });
    const res = await target.client.send('POST', `/v2/${target.repository}/blobs/uploads/?${query.toString()}`);
    await res.arrayBuffer().catch(() => undefined);
    if (res.status === 201)
        return true;
    const location = res.headers.get('location');
    if (res.status === 202 && location !== null) {
        const own = () => (0,bearer/* ownLocation */.au)(location, target.client.base, target.client.registry).toString();
        const cancelled = await Promise.resolve()
            .then(() => target.client.send('DELETE', own()))
            .catch(() => undefined);
        await cancelled?.arrayBuffer().catch(() => undefined);
    }
    return false;
}
async function inParallel(items, width, fn) {
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const item = items[next++];
            await fn(item);
        }
    };
    await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

// EXTERNAL MODULE: ./src/registry/docker-config.ts + 1 modules
var docker_config = __webpack_require__(240);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/registry/config-login.ts
/**
 * The registry login the main step writes into docker's config file, and how the post step
 * takes it out again without taking anyone else's: jobs on a self-hosted runner that share
 * `~/.docker` log in to the same registry side by side, and the user may have had a login
 * there before the run.
 *
 * The main step remembers the entry it wrote only as a SHA-256 of it (step state: nothing
 * to log in with), and the entry it replaced, if any, in a file of its own in the runner's
 * temporary folder, readable by its owner only, that the post step reads and deletes. That
 * entry is a credential: the step state (GITHUB_STATE) is a file too, but its values become
 * the post step's environment, which any process of the user can read, and nothing deletes
 * it before the job ends. The copy adds no reader: config.json, which held it, is a file of
 * the same user, also readable by its owner only.
 *
 * The post step, under the config's lock: the entry still the one written → the replaced
 * one back (or none); another entry since (another job logged in) → left alone, said in one
 * line, and handed off: what this run replaced is kept beside config.json (HANDOFF, owner
 * only) under the hash of this run's entry, so the run that replaced it, putting this run's
 * entry back at its end, puts back the older one instead — once every run has ended the
 * config holds what it held before the first, and no run's token. Node built-ins only: the
 * post step's bundle stays small.
 */





const REPLACED_PREFIX = `${constants/* TEMP_DIR_PREFIX */.Qx}replaced-login-`;
/** Beside config.json: entries of runs that ended while another run's login covered theirs. */
const HANDOFF = 'ecr-build-push-handoff.json';
/** A handoff outlives no token it is about: ECR's last 12 hours. */
const HANDOFF_TTL_MS = 12 * 3600_000;
/** SHA-256 of an entry as JSON with its keys sorted: the same entry whoever wrote the file. */
function entryHash(entry) {
    const sorted = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : 1))) : entry;
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(sorted)).digest('hex');
}
/**
 * Main step: puts `entry` in the config for the registry; undefined when docker keeps the
 * registry's credentials elsewhere. `earlier` is this run's own earlier login (a renewed
 * token): while its entry is still there, what it replaced stays what this one replaces;
 * if another run's entry covers it, it is handed off as at the post step.
 */
async function writeLogin(configDir, registry, entry, tempDir, earlier) {
    let saved;
    try {
        const done = await (0,docker_config/* editDockerConfig */.B1)(configDir, registry, async (config, file) => {
            const current = config.auths?.[registry];
            let replaced = earlier?.replaced;
            if (earlier === undefined || current === undefined || entryHash(current) !== earlier.sha256) {
                if (earlier !== undefined && current !== undefined)
                    await handOff(file, earlier, await readReplaced(earlier.replaced).catch(() => undefined));
                if (earlier?.replaced !== undefined)
                    await removeReplaced(earlier.replaced);
                replaced = saved = current === undefined ? undefined : await saveReplaced(tempDir, current);
            }
            config.auths = { ...config.auths, [registry]: entry };
            return { registry, sha256: entryHash(entry), ...(replaced !== undefined ? { replaced } : {}) };
        });
        return done?.result;
    }
    catch (error) {
        if (saved !== undefined)
            await removeReplaced(saved);
        throw error;
    }
}
/** What the post step does with the entry it finds: `written` unknown (no record) → removed, as docker logout would. */
function decideUndo(current, written) {
    if (current === undefined)
        return 'gone';
    if (written === undefined)
        return 'remove';
    if (entryHash(current) !== written.sha256)
        return 'changed';
    return written.replaced !== undefined ? 'restore' : 'remove';
}
/**
 * Post step: undoes the login in the config (decideUndo); undefined when docker keeps the
 * registry's credentials elsewhere now. A replaced entry that can't be read back is warned
 * about, and the run's own entry still removed.
 */
async function undoLogin(configDir, registry, written, warn) {
    let replaced;
    try {
        replaced = await readReplaced(written?.replaced);
    }
    catch (error) {
        warn(`The login to ${registry} this run replaced in docker's config could not be read back (${error.message}); removing this run's.`);
    }
    const done = await editDockerConfig(configDir, registry, async (config, file) => {
        const decision = decideUndo(config.auths?.[registry], written);
        if (decision === 'gone')
            return decision;
        if (decision === 'changed' && written !== undefined) {
            await handOff(file, written, replaced);
            return decision;
        }
        const back = decision === 'restore' ? await takeHandedOff(file, replaced) : undefined;
        const { [registry]: _, ...others } = config.auths ?? {};
        config.auths = back !== undefined ? { ...others, [registry]: back } : others;
        return back !== undefined ? 'restored' : 'removed';
    });
    return done?.result;
}
/** Records that this run's entry, covered by another run's, stands for the entry it replaced. */
async function handOff(file, written, replaced) {
    const handoff = await readHandoff(file);
    const stands = resolve(handoff, replaced);
    // An entry that would stand for itself (two runs given the same token) needs no handoff.
    if (stands === undefined || entryHash(stands) !== written.sha256)
        handoff[written.sha256] = { replaced: stands ?? null, at: Date.now() };
    await writeHandoff(file, handoff);
}
/** The entry to put back: through the handoffs of runs that have ended, to the one before them. */
async function takeHandedOff(file, entry) {
    if (entry === undefined)
        return undefined;
    const handoff = await readHandoff(file);
    const before = Object.keys(handoff).length;
    const back = resolve(handoff, entry);
    if (Object.keys(handoff).length !== before)
        await writeHandoff(file, handoff);
    return back;
}
/** Follows (and takes out) the handoffs from `entry`; undefined: none to put back. */
function resolve(handoff, entry) {
    while (entry !== undefined && entry !== null) {
        const step = handoff[entryHash(entry)];
        if (step === undefined)
            return entry;
        delete handoff[entryHash(entry)];
        entry = step.replaced;
    }
    return undefined;
}
async function readHandoff(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(external_node_path_default().join(external_node_path_default().dirname(file), HANDOFF), 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return {};
        throw error;
    }
    const handoff = JSON.parse(text);
    if (typeof handoff !== 'object' || handoff === null || Array.isArray(handoff))
        throw new Error(`${HANDOFF} beside docker's config is not a JSON object`);
    return handoff;
}
/** Writes the handoffs (owner only) without those older than any token; no file when none is left. */
async function writeHandoff(file, handoff) {
    const kept = Object.entries(handoff).filter(([, h]) => Date.now() - h.at < HANDOFF_TTL_MS);
    const target = external_node_path_default().join(external_node_path_default().dirname(file), HANDOFF);
    if (kept.length === 0)
        await (0,promises_.rm)(target, { force: true });
    else
        await (0,docker_config/* replaceFile */.fR)(target, `${JSON.stringify(Object.fromEntries(kept))}\n`);
}
/** Keeps a replaced entry in a new file only its owner reads. */
async function saveReplaced(dir, entry) {
    const file = external_node_path_default().join(dir, `${REPLACED_PREFIX}${(0,external_node_crypto_.randomUUID)()}.json`);
    await (0,promises_.writeFile)(file, JSON.stringify(entry), { mode: 0o600, flag: 'wx' });
    return file;
}
/** Only files the action names as its own: the path comes from the step state. */
const isReplacedFile = (file) => external_node_path_default().isAbsolute(file) && external_node_path_default().basename(file).startsWith(REPLACED_PREFIX);
/** The entry a replaced-entry file keeps; undefined for no file. */
async function readReplaced(file) {
    if (file === undefined)
        return undefined;
    if (!isReplacedFile(file))
        throw new Error(`${file} is not a file the action wrote`);
    return JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
}
/** Deletes the file keeping a replaced entry (the post step, whatever it did with the login). */
async function removeReplaced(file) {
    if (isReplacedFile(file))
        await (0,promises_.rm)(file, { force: true });
}

// EXTERNAL MODULE: ./src/docker.ts
var src_docker = __webpack_require__(3871);
;// CONCATENATED MODULE: ./src/registry/login.ts
/**
 * The registry login: logs docker in with the registry's credentials: the entry
 * `docker login` writes, written to docker's config file, or `docker login` with the
 * password on stdin (never `-p`) where a credential store or helper keeps credentials.
 * The post step logs out again unless `skip-logout` (post.ts).
 */





/**
 * Logs docker in to the registry. Where docker keeps credentials in its config file — no
 * credential store, no helper for this registry, as on GitHub's runners — the entry
 * `docker login` would write there is written directly: the same file and format, written
 * atomically, readable by its owner only. That skips a docker process and its check of the
 * password with the registry (the daemon's round trip to the registry), which would
 * otherwise sit between the reconcile and the build; the token is ECR's own, a moment old.
 * With a credential store or helper, `docker login` with the password on stdin, so the
 * helper keeps it. Either way the password is on no command line, and the post step
 * takes the login out again: in the config file, only the entry this run wrote, and the
 * one it replaced back (config-login.ts).
 */
async function dockerLogin(docker, credentials, configDir = (0,docker_config/* dockerConfigDir */.kG)(), options = {}) {
    const { registry, username, password } = credentials;
    const written = await storeInConfigFile(configDir, credentials, options);
    if (written !== undefined)
        return { registry, configDir, written };
    const result = await docker(['login', '--username', username, '--password-stdin', registry], {
        input: Buffer.from(password, 'utf8')
    });
    if (result.exitCode !== 0) {
        throw new errors/* ActionError */.lZ(`docker login to ${registry} failed: ${(0,src_docker/* lastLine */.fM)(result)}`);
    }
    return { registry };
}
/** Writes the login to config.json when docker keeps credentials there; undefined when a credential store or helper does, or the file can't be read. */
async function storeInConfigFile(configDir, { registry, username, password }, options) {
    const entry = { auth: Buffer.from(`${username}:${password}`, 'utf8').toString('base64') };
    try {
        return await writeLogin(configDir, registry, entry, options.tempDir ?? external_node_os_default().tmpdir(), options.earlier?.written);
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`Could not store docker's credentials: ${error.message}`, { cause: error });
    }
}
/**
 * A notice for a self-hosted runner's job without a docker config of its own: its logins,
 * contexts and builders are in a folder every job of the machine's user shares.
 */
function sharedConfigNotice(env) {
    if (env.RUNNER_ENVIRONMENT !== 'self-hosted' || env.DOCKER_CONFIG)
        return undefined;
    return (`DOCKER_CONFIG is not set: this job shares docker's config (${(0,docker_config/* dockerConfigDir */.kG)(env)}), and its registry logins, with every job of this machine's user. ` +
        "Give each job its own: DOCKER_CONFIG: ${{ runner.temp }}/docker-config in the job's env (README: Self-hosted runners → Shared docker config).");
}

// EXTERNAL MODULE: ./src/settings/registries.ts
var registries = __webpack_require__(9966);
;// CONCATENATED MODULE: ./src/other-registries-stage.ts
/**
 * The other registries of a run: `read-registries`, logged in to beside the run's registry
 * before the build (the base images it pulls), and `copy-to`, the pushed image copied by
 * digest once the run's checks passed (registry/copy.ts; with one failed, nothing is
 * copied). Each registry's token comes from its region, with the run's session or its own
 * role (aws/other-registries.ts). The logins are written as the run's own
 * (registry/login.ts: docker's config file, or `docker login` with the password on stdin)
 * and told to the post step, which logs out of them too.
 */








/** Logs docker in to each of `read-registries`; the post step logs out of them. */
async function loginReadRegistries(settings, session, deps, ownRegistry, tokens = otherRegistryDeps) {
    // The run's own registry is logged in to already.
    const read = (settings.registries?.read ?? []).filter(r => r.host !== ownRegistry);
    if (read.length === 0)
        return [];
    const found = await otherRegistryTokens(read, session, settings.aws.roleSessionName, tokens);
    const done = [];
    try {
        for (const registry of read) {
            const credentials = found.get(registry.host)?.current;
            if (credentials === undefined)
                continue;
            const login = await dockerLogin(deps.docker, credentials, (0,docker_config/* dockerConfigDir */.kG)(deps.env), { tempDir: deps.env.RUNNER_TEMP || external_node_os_default().tmpdir() });
            done.push({ registry: login.registry, ...(login.configDir !== undefined ? { configDir: login.configDir } : {}), ...(login.written !== undefined ? { written: login.written } : {}) });
            core/* info */.pq(`Logged in to ${login.registry}${registry.role !== undefined ? ` as ${registry.role}` : ''} (read-registries)`);
        }
    }
    finally {
        core/* saveState */.LZ(constants/* State */.Uw.ReadLogins, JSON.stringify(done));
    }
    return done;
}
/** Copies the pushed image to each of `copy-to`, one after another; the first failure fails the run. */
async function copyToDestinations(settings, session, run, makeClient, tokens = otherRegistryDeps) {
    const copyTo = settings.registries?.copyTo ?? [];
    if (copyTo.length === 0)
        return [];
    const others = copyTo.flatMap(c => (c.registry ? [c.registry] : []));
    const found = others.length > 0 ? await otherRegistryTokens(others, session, settings.aws.roleSessionName, tokens) : new Map();
    const clients = new Map();
    const copied = [];
    for (const destination of copyTo) {
        const host = destination.registry?.host;
        const credentials = host === undefined ? undefined : found.get(host);
        let client = host === undefined ? run.registry : clients.get(host);
        if (client === undefined && credentials !== undefined && host !== undefined)
            clients.set(host, (client = makeClient(credentials)));
        if (client === undefined)
            continue;
        // In the run's own ECR Public registry a repository's path starts with the registry's alias.
        const alias = host === undefined && run.path !== settings.repository.name ? run.path.slice(0, run.path.length - settings.repository.name.length) : '';
        const target = { ...destination, repository: `${alias}${destination.repository}` };
        const uri = (0,registries/* copyUri */.Od)(target, run.registry.registry);
        const counts = await copyImage({ client: run.registry, repository: run.path }, { client, repository: target.repository }, run.digest, settings.image.version, run.retry);
        const line = `${uri}:${settings.image.version} — ${describe(counts)}`;
        core/* info */.pq(`Copied to ${line}`);
        copied.push({ uri, line });
    }
    return copied;
}
/**
 * With a check failed (`held`: which, in words) nothing is copied: whatever pulls from the
 * other registries never gets an image the run failed. Warns, naming them; returns the
 * outcome's words.
 */
function withheldCopies(settings, ownRegistry, held) {
    const uris = (settings.registries?.copyTo ?? []).map(c => (0,registries/* copyUri */.Od)(c, ownRegistry));
    core/* warning */.$e(`Not copied to ${uris.join(', ')}: ${held}.`);
    return `not copied: ${held}`;
}
/** What a copy did, in words. */
function describe(c) {
    const blobs = [c.uploaded > 0 ? `${c.uploaded} uploaded` : '', c.mounted > 0 ? `${c.mounted} mounted` : '', c.present > 0 ? `${c.present} already there` : ''].filter(Boolean);
    return `${c.manifests} manifest${c.manifests === 1 ? '' : 's'}, blobs: ${blobs.join(', ') || 'none'}${c.tagKept ? '; the tag already named it' : ''}`;
}

;// CONCATENATED MODULE: ./src/login-stage.ts
/**
 * The login stage: docker logged in to the run's registry (registry/login.ts: docker's config
 * file, or `docker login` with the password on stdin), the post step told what to log out
 * of; and after the run, docker logged in again for the job's later steps when the
 * registry's token was renewed since.
 */






/**
 * What the job's later steps were given still works after a long run: docker is logged in
 * again when the registry's token was renewed since the login (buildx pushed with the
 * first; tags and reads use the registry client, which renews its own), and with
 * `export-credentials` the role's renewed credentials are exported again.
 */
async function renewForLaterSteps(settings, deps, session, destination, loggedIn, firstLogin) {
    const token = await destination.credentials.get();
    if (token.password !== loggedIn.password)
        await login(deps, token, firstLogin);
    if (settings.aws.exportCredentials && (session.credentials?.renewals ?? 0) > 0)
        (0,sign_in/* exportCredentials */.rG)(session);
}
/**
 * Logs docker in, and tells the post step what to log out of — and, for a login written to
 * docker's config file, which entry this run wrote (config-login.ts). A self-hosted job
 * sharing its user's docker config is told how to have its own.
 */
async function login({ docker, env }, credentials, earlier) {
    core/* saveState */.LZ(constants/* State */.Uw.LoggedInRegistries, JSON.stringify([credentials.registry]));
    const notice = earlier === undefined ? sharedConfigNotice(env) : undefined;
    if (notice !== undefined)
        core/* notice */.lm(notice);
    const done = await dockerLogin(docker, credentials, (0,docker_config/* dockerConfigDir */.kG)(env), { tempDir: env.RUNNER_TEMP || external_node_os_default().tmpdir(), ...(earlier ? { earlier } : {}) });
    if (done.configDir !== undefined)
        core/* saveState */.LZ(constants/* State */.Uw.LoginConfigDir, done.configDir);
    if (done.written !== undefined)
        core/* saveState */.LZ(constants/* State */.Uw.LoginWritten, JSON.stringify(done.written));
    core/* info */.pq(`Logged in to ${credentials.registry}`);
    return done;
}

// EXTERNAL MODULE: ./src/supply/provenance.ts
var provenance = __webpack_require__(2316);
// EXTERNAL MODULE: ./src/temp-dirs.ts
var temp_dirs = __webpack_require__(1022);
;// CONCATENATED MODULE: ./src/supply/sbom.ts
/**
 * SBOMs (`sbom: true`): BuildKit's SBOM generator scans each platform's root filesystem
 * during a second run of the build (cached: nothing is built again) that exports to an OCI
 * layout on the runner's disk instead of pushing; the SPDX statements it attached are read
 * from the layout, by platform, and attest.ts stores each as a referrer of the pushed
 * platform image. The pushed index never holds them.
 */







const SPDX_DOCUMENT = 'https://spdx.dev/Document';
/** `os/architecture[/variant]` of a descriptor's platform. */
const platformOf = (d) => (d.platform ? [d.platform.os, d.platform.architecture, ...(d.platform.variant ? [d.platform.variant] : [])].join('/') : '');
/**
 * The argv of the SBOM run: the build's own, exported to an OCI layout (no tag, no push),
 * with BuildKit's SBOM generator on, and without the registry cache export the push did.
 */
function sbomArgs(build, labels, metadataFile, repositoryUri, use) {
    const args = (0,plan/* buildxArgs */.w$)({ ...build, pushByDigest: true }, [], labels, metadataFile, repositoryUri, use);
    const sbom = build.sbomGenerator !== undefined ? `--sbom=generator=${build.sbomGenerator}` : '--sbom=true';
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i] ?? '';
        if (arg === '--cache-to')
            i++;
        else
            out.push(arg === '--sbom=false' ? sbom : arg);
    }
    return out;
}
/** Pure: the SPDX statements of an OCI layout's attestation manifests, by their image's platform. */
async function statementsByPlatform(read, top) {
    const found = new Map();
    const index = JSON.parse((await read(top[0]?.digest ?? '')).toString('utf8'));
    const children = index.manifests ?? top;
    const platforms = new Map(children.map(d => [d.digest, platformOf(d)]));
    for (const d of children) {
        if (d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
            continue;
        const platform = platforms.get(d.annotations['vnd.docker.reference.digest'] ?? '') ?? '';
        const manifest = JSON.parse((await read(d.digest)).toString('utf8'));
        for (const layer of manifest.layers ?? []) {
            if (layer.annotations?.[provenance/* PREDICATE_TYPE_ANNOTATION */.nn] !== SPDX_DOCUMENT)
                continue;
            found.set(platform, [...(found.get(platform) ?? []), await read(layer.digest)]);
        }
    }
    return found;
}
/** Runs the build again with the SBOM generator and returns its SPDX statements by platform. */
async function generateSboms(docker, build, labels, options = {}) {
    const dir = await (0,temp_dirs/* makeTempDir */.m)(options.tempDir ?? external_node_os_default().tmpdir());
    try {
        const metadataFile = external_node_path_default().join(dir, 'metadata.json');
        const env = (0,plan/* buildxEnv */.aW)(build);
        const inherit = (0,plan/* buildxInherit */.gT)(build);
        const result = await docker(sbomArgs(build, labels, metadataFile, options.repositoryUri, options.builder ?? {}), {
            stream: true,
            ...(Object.keys(env).length > 0 ? { env } : {}),
            ...(inherit.length > 0 ? { inherit } : {})
        });
        if (result.exitCode !== 0) {
            const generator = build.sbomGenerator ?? "BuildKit's default generator (docker/buildkit-syft-scanner, from Docker Hub)";
            throw new errors/* ActionError */.lZ(`The SBOM run of the build failed (exit code ${result.exitCode}): check that the builder can run ${generator}, or set sbom-generator; the image itself is pushed.`);
        }
        const layout = (0,plan/* layoutDir */.ST)(metadataFile);
        const top = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(layout, 'index.json'), 'utf8')).manifests ?? [];
        const read = (digest) => (0,promises_.readFile)(external_node_path_default().join(layout, 'blobs', 'sha256', digest.replace(/^sha256:/, '').replace(/[^0-9a-f]/g, '')));
        return await statementsByPlatform(read, top);
    }
    finally {
        // The layout holds every layer: never left on the runner.
        await (0,temp_dirs/* removeTempDir */.C)(dir);
    }
}
/** A statement from the generator with its subject set to the pushed platform image. */
function withSubject(statement, subject) {
    const parsed = JSON.parse(statement.toString('utf8'));
    return Buffer.from(JSON.stringify({ ...parsed, subject: [{ name: subject.name, digest: { sha256: subject.digest.replace(/^sha256:/, '') } }] }));
}

// EXTERNAL MODULE: ./src/supply/referrers.ts
var referrers = __webpack_require__(7799);
;// CONCATENATED MODULE: ./src/supply/attest.ts
/**
 * The attest stage: each pushed platform image gets its provenance statement (and with
 * `sbom: true` its SPDX SBOM) as an OCI 1.1 referrer (referrers.ts), and the report reads
 * back what each platform image has attached.
 */





/** `provenance` as a mode: undefined when the workflow turned it off. */
function provenanceMode(provenance) {
    if (provenance === 'false')
        return undefined;
    return provenance === 'mode=max' ? 'max' : 'min';
}
/**
 * Attaches to each platform image its provenance statement and, given `sboms` (sbom.ts, by
 * platform), its SPDX statements; what was attached, per image. A platform the SBOM run gave
 * nothing for fails the run: `sbom: true` never passes on nothing.
 */
async function attestImages(registry, images, input, retry, sboms) {
    const mode = provenanceMode(input.build.provenance);
    const store = async (image, subject, shared, kind, predicateType, statement) => {
        const artifact = { artifactType: provenance/* IN_TOTO_MEDIA_TYPE */.xy, predicateType, statement, created: input.finishedOn, keepTag: input.keepTags === true };
        return { image, attached: await (0,referrers/* attach */.K0)(registry, input.path, subject, artifact, retry, shared), kind };
    };
    const statements = (image) => {
        const all = mode !== undefined
            ? [{ kind: 'provenance', predicateType: provenance/* SLSA_PROVENANCE_V1 */.us, statement: Buffer.from(JSON.stringify((0,provenance/* provenanceStatement */.D2)({ ...input, mode, platform: image.platform, digest: image.digest }))) }]
            : [];
        if (sboms === undefined)
            return all;
        const found = sboms.get(image.platform) ?? (image.platform === '' && sboms.size === 1 ? [...sboms.values()][0] : undefined);
        if (found === undefined || found.length === 0) {
            throw new errors/* ActionError */.lZ(`The SBOM generator made no SBOM for ${image.platform || 'the image'} (it made some for: ${[...sboms.keys()].join(', ') || 'none'}): the image is pushed without one.`);
        }
        const name = (0,provenance/* subjectName */.wn)(input.uri, input.version, image.platform);
        return [...all, ...found.map(statement => ({ kind: 'SBOM', predicateType: SPDX_DOCUMENT, statement: withSubject(statement, { name, digest: image.digest }) }))];
    };
    // Every statement is decided before anything is stored: a platform without its SBOM stores nothing.
    const planned = images.map(image => ({ image, statements: statements(image) })).filter(p => p.statements.length > 0);
    if (planned.length === 0)
        return [];
    // The platform images side by side, each one's statements one after another (a registry
    // without the referrers API keeps them in one index per platform image, read and put
    // back). The blob every referrer shares is stored once, beside the first statements'
    // uploads and the subjects' reads; every manifest waits for it.
    const shared = (0,referrers/* storeSharedConfig */.ty)(registry, input.path, retry);
    shared.catch(() => undefined);
    const results = await Promise.allSettled(planned.map(async ({ image, statements }) => {
        // Read beside the first statement's upload.
        const subject = (0,referrers/* subjectOf */.et)(registry, input.path, image.digest, retry);
        const done = [];
        for (const s of statements)
            done.push(await store(image, subject, shared, s.kind, s.predicateType, s.statement));
        return done;
    }));
    // Said in the platforms' order, whichever finished first; what was stored is said before a failure is thrown.
    const stored = results.flatMap(r => (r.status === 'fulfilled' ? r.value : []));
    for (const { image, attached, kind } of stored)
        core/* info */.pq(`Attached ${kind} to ${image.platform || 'the image'} ${image.digest.slice(0, 19)}… as ${attached.digest.slice(0, 19)}… (${attached.via})`);
    const failed = results.find(r => r.status === 'rejected');
    if (failed !== undefined)
        throw failed.reason;
    return stored.map(({ image, attached, kind }) => ({ ...image, ...attached, kind }));
}
/** The kinds of statement known by their predicate type, as the summary names them. */
const KINDS = {
    [provenance/* SLSA_PROVENANCE_V1 */.us]: 'provenance (SLSA v1)',
    'https://slsa.dev/provenance/v0.2': 'provenance (SLSA v0.2)',
    [SPDX_DOCUMENT]: 'SBOM (SPDX)'
};
/** What each platform image has attached, in words (`provenance (SLSA v1)`), read back from the registry. */
async function readAttachments(registry, path, images, retry) {
    return Promise.all(images.map(async (image) => {
        const found = await (0,referrers/* listReferrers */.xt)(registry, path, image.digest, retry);
        const kinds = found.map(d => KINDS[(0,referrers/* predicateTypeOf */.T4)(d)] ?? d.artifactType ?? d.mediaType);
        // In a fixed order (provenance, then SBOMs, then others), whatever order the registry lists them in.
        const rank = (k) => Object.values(KINDS).indexOf(k) + 1 || 99;
        return { ...image, attached: [...new Set(kinds)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)) };
    }));
}

// EXTERNAL MODULE: ./src/settings/tag-mutability.ts
var tag_mutability = __webpack_require__(8338);
;// CONCATENATED MODULE: ./src/supply/lifecycle.ts
/**
 * Lifecycle safety for referrers. ECR's documented evaluation rules ("Lifecycle policy
 * evaluation rules", Amazon ECR User Guide): an image a manifest list references can't be
 * expired or archived before the manifest list is; and reference artifacts (referrers) are
 * expired or archived within 24 hours of their subject's deletion or archival. Nothing there
 * keeps an untagged referrer from an `untagged` rule while its image lives, so on ECR each
 * referrer carries a tag of its own (`sha256-<subject>.<referrer>`) and the generated
 * policies protect `sha256-*`. A stated policy whose first rule to select such a tag may
 * expire it gets a hint. Pure.
 */

/** A referrer's own tag, as referrers.ts writes it. */
const SAMPLE = `sha256-${'0'.repeat(64)}.${'0'.repeat(16)}`;
/** A tagged count rule this high never expires anything in practice: a protection (lifecycle-policy.ts). */
const PROTECTING_COUNT = 1000;
function selectsReferrerTag(rule) {
    const s = rule.selection;
    if (s.storageClass === 'archive')
        return false;
    if (s.tagStatus === 'any')
        return true;
    if (s.tagStatus !== 'tagged')
        return false;
    if (s.tagPatternList !== undefined)
        return s.tagPatternList.every(p => (0,tag_mutability/* matchesFilter */.yy)(SAMPLE, p));
    return (s.tagPrefixList ?? []).every(p => SAMPLE.startsWith(p));
}
/** Why a stated policy may expire the provenance and SBOMs of images still in use; undefined when it can't. */
function referrerRisk(intent) {
    if (!intent.stated)
        return undefined;
    const rules = [...intent.policy.rules].sort((a, b) => a.rulePriority - b.rulePriority);
    const first = rules.find(selectsReferrerTag);
    if (first === undefined)
        return undefined;
    const s = first.selection;
    if (s.tagStatus === 'tagged' && s.countType === 'imageCountMoreThan' && s.countNumber >= PROTECTING_COUNT)
        return undefined;
    return (`The lifecycle policy's rule of priority ${first.rulePriority}${first.description ? ` (${first.description})` : ''} is the first to select the tags of ` +
        `referrers (sha256-<image>.<referrer>: the provenance and SBOMs attached to each image) and may expire them while their image is in use; ` +
        `ECR itself expires a referrer within 24 hours of its image. Put a rule ahead of it that protects them: ` +
        `{"rulePriority": 1, "description": "Protect sha256-*", "selection": {"tagStatus": "tagged", "tagPatternList": ["sha256-*"], "countType": "imageCountMoreThan", "countNumber": 10000}, "action": {"type": "expire"}}`);
}

;// CONCATENATED MODULE: ./src/supply/attest-stage.ts
/**
 * The supply chain in the run, apart from the other stages:
 *
 *   referrerWarning  a stated lifecycle policy that could expire the referrers' tags, said once;
 *   attestStage      after the push, each platform image gets its provenance statement (and
 *                    its SBOM) as referrers (attest.ts); a failure leaves the image pushed, and
 *                    the outputs, the summary and the scan gate still come before it fails the run;
 *   summaryAttachments  what each platform image has attached, for the summary.
 */






/** Whether the run attaches anything: provenance or an SBOM, on ECR or ECR Public. */
const attaches = (build) => provenanceMode(build.provenance) !== undefined || build.sbom;
/** A warning when the workflow's lifecycle policy could expire the referrers' tags (lifecycle.ts). */
function referrerWarning(settings, destination) {
    const risk = destination.ecr !== undefined && attaches(settings.build) ? referrerRisk(settings.repository.lifecycle) : undefined;
    if (risk !== undefined)
        core/* warning */.$e(risk);
}
/**
 * The `attest` stage, for an image this run built (a merge's platforms were attested by their
 * jobs; a reused image keeps its referrers). It starts from the pushed index alone — the
 * platform images as it names them — while the pipeline reads their manifests for the report
 * and the scan gate (the client reads each digest once for both). Returns the failure, not
 * thrown: the pipeline reports first.
 */
async function attestStage(settings, deps, stages, at) {
    const { build, image } = settings;
    if (!at.built || build.mergeDigests.length > 0 || !attaches(build))
        return undefined;
    const run = async () => {
        const { destination, registry } = at;
        // The platform images the pushed index names (a read that fails fails the stage: never attested on nothing).
        const images = await (0,platform_images/* listPlatformImages */.K2)(registry, destination.path, at.digest, deps.retry, build.platforms.length === 1 ? (build.platforms[0] ?? '') : '');
        const finishedOn = new Date().toISOString();
        const sboms = build.sbom
            ? await generateSboms(deps.docker, build, (0,plan/* labelsFor */.dS)(deps.env, image.version), { tempDir: deps.env.RUNNER_TEMP, repositoryUri: destination.uri, builder: at.builder.use })
            : undefined;
        const input = { env: deps.env, build, uri: destination.uri, path: destination.path, version: image.version, startedOn: at.startedOn, finishedOn, keepTags: destination.ecr !== undefined };
        await attestImages(registry, images.map(({ platform, digest }) => ({ platform, digest })), input, deps.retry, sboms);
    };
    return stages.run('attest', run).then(() => undefined, (error) => {
        deps.retry.cancel?.throwIfAborted();
        return error;
    });
}
/** What each platform image has attached (attest.ts); a read that failed for good is said, not fatal. */
async function summaryAttachments(registry, path, images, retry) {
    try {
        return await readAttachments(registry, path, images.map(({ platform, digest }) => ({ platform, digest })), retry);
    }
    catch (error) {
        retry.cancel?.throwIfAborted();
        return error.message.replace(/\s+/g, ' ');
    }
}

// EXTERNAL MODULE: ./src/version-stage.ts + 2 modules
var version_stage = __webpack_require__(3525);
;// CONCATENATED MODULE: ./src/pipeline.ts
/**
 * A push, as a sequence of stages, each awaited before the next:
 *
 *   1. sign-in     credentials (OIDC → STS, or the job's own); the builder check runs beside
 *                  it and the stages up to the push, which waits for it;
 *   2. repository  the repository made to match the workflow (the plan a dry run prints,
 *                  aws/destination.ts; a plan with writes is carried out once the builder
 *                  check has passed: nothing is written to AWS before docker can build what
 *                  was asked), and the registry's token;
 *   3. version     whether the version tag exists already (a re-run); what `latest` names is
 *                  read beside it and the stages after it, for the summary, before it moves;
 *   4. login       docker logged in to the registry (the post step logs out);
 *   5. push        build and push, merge per-platform digests, or reuse the existing image —
 *                  under its version tag only;
 *   6. scan        with `scan-fail-on`: ECR's scans awaited, up to `scan-timeout`;
 *   7. signature   ECR managed signing: the pushed image's signature awaited when a signing
 *                  rule covers the repository (signing-stage.ts; its configuration is read
 *                  beside the repository stage and the version lookup, and stops a
 *                  `require-signature` run before the build when ECR won't sign it);
 *   8. copy, tags  `copy-to`'s copies made, then the other tags, the ref tags and `latest`
 *                  put on the image, once the provenance is attached, the gate passed and
 *                  the signature is there; a check that failed copies nothing and leaves
 *                  the tags where they were (tags-stage.ts);
 *   9. report      outputs, job summary, then the scan gate's and the signature's verdicts;
 *                  then docker's login and the exported credentials renewed for the job's
 *                  later steps if they were.
 *
 * The role's session and the registry's token are renewed when they are about to run out
 * (aws/session.ts), so the calls after a long build — tags, the scan gate — still work.
 *
 * What runs side by side does so inside a stage. Every effect comes in through
 * `PipelineDeps` or the AWS SDK, which the unit tests replace. The run's cancel
 * (`deps.cancel`) is handed to each stage and effect that waits: it stops the docker process
 * running and starts no further stage, try, tag or AWS write; a retry gets it beside its
 * policy (`{ policy, cancel }`), which is only timing.
 */
























async function pushPipeline(settings, deps) {
    const { aws, build, image, repository } = settings;
    const { cancel } = deps;
    // Every retry is handed the run's cancel: a wait ends at it, and no try starts after it.
    const retry = { policy: deps.retry, cancel };
    const stages = new Stages(cancel);
    // The builder check (a docker CLI start, longer than an STS call) runs beside the sign-in,
    // the repository's reads, the version look-up and the login; a plan with writes waits for it
    // (nothing is written to AWS before docker can build what was asked), and so does the push stage.
    const builderCheck = deps.builderCheck ?? (0,build_builder/* startBuilderCheck */.Cj)(deps.docker, build);
    const session = await stages.run('sign-in', () => (0,sign_in/* runSession */.Ie)(aws, deps));
    if (aws.exportCredentials)
        (0,sign_in/* exportCredentials */.rG)(session);
    // The registry's signing configuration, read beside the repository stage and the version look-up.
    const signing = readSigning(settings, session, cancel);
    const destination = await stages.run('repository', async () => {
        const plan = await (0,aws_destination/* planDestination */.QC)(settings, session);
        if ((0,aws_destination/* plannedWrites */.jv)(plan).length > 0)
            await builderCheck;
        return (0,aws_destination/* applyDestination */.Zq)(settings, plan);
    });
    (0,tag_references/* checkReferenceHosts */.t)(image.referenceHosts, destination.uri, repository.name);
    for (const change of destination.changes)
        core/* info */.pq(`Repository ${repository.name}: ${change}`);
    for (const note of destination.notes ?? [])
        core/* info */.pq(`Repository ${repository.name}: note: ${note}`);
    if (destination.lifecycle !== '')
        core/* info */.pq(`Lifecycle policy: ${destination.lifecycle}`);
    for (const warning of destination.warnings)
        core/* warning */.$e(warning);
    referrerWarning(settings, destination);
    const registry = deps.registry(destination.credentials);
    // Read for the summary beside the version look-up and what follows it; awaited before `latest` moves.
    const latestBefore = (0,version_stage/* readLatestBefore */.xA)(settings, registry, destination.path, retry);
    const existing = await stages.run('version', async () => {
        const found = await (0,version_stage/* lookUpVersion */.h8)(settings, registry, destination.path, retry);
        const existing = found && (await (0,version_stage/* withStorageState */.D8)(settings, destination, found, cancel));
        return existing && (await (0,version_stage/* withProvenance */.wI)(settings, registry, destination.path, existing, { env: deps.env, retry }));
    });
    const decision = (0,existing_version/* decideVersion */.v)(existing, { sha: deps.env.GITHUB_SHA ?? '', version: image.version, repository: repository.name }, image.ifVersionExists);
    checkBeforeBuild(settings, await signing);
    const loggedIn = destination.credentials.current;
    const [firstLogin] = await stages.run('login', () => Promise.all([login(deps, loggedIn), loginReadRegistries(settings, session, deps, loggedIn.registry)]));
    const builder = await builderCheck;
    const startedOn = new Date().toISOString();
    const pushed = !decision.build && existing !== undefined
        ? await stages.run('reuse', () => reuse(existing, decision))
        : build.mergeDigests.length > 0
            ? await stages.run('merge', () => merge(settings, deps, retry, destination, registry, builder))
            : await stages.run('build+push', () => buildPush(settings, deps, retry, destination, registry, builder));
    // What latest's check reads, read beside the stages up to the tags (tags-stage.ts).
    const latestAhead = latestReadAhead(settings, { destination, registry, retry }, pushed.digest);
    // What was pushed, platform by platform: the summary's sizes and what the scan gate judges.
    const gated = settings.scan.failOn !== undefined;
    const single = build.platforms.length === 1 && build.mergeDigests.length === 0 ? (build.platforms[0] ?? '') : '';
    // Read beside the attest stage, which lists them from the pushed index alone (one read of each digest serves both).
    const reading = settings.summary || gated ? (0,platform_images/* pushedImages */.Gd)(registry, destination.path, pushed.digest, retry, { single, gated, cancel }) : Promise.resolve({ images: [] });
    reading.catch(() => undefined);
    // A failed attest leaves the image pushed: what follows still runs, then the run fails.
    const attestAt = { destination, registry, digest: pushed.digest, startedOn, builder, built: pushed.built };
    const attestFailure = await attestStage(settings, { env: deps.env, docker: deps.docker, retry }, stages, attestAt);
    const read = await reading;
    const unjudged = gated ? unjudgeable(settings, destination, read.unread) : undefined;
    const ecr = destination.ecr;
    const scan = gated && unjudged === undefined && ecr !== undefined ? await stages.run('scan', () => awaitScans(settings, { ...destination, ecr }, read.images)) : undefined;
    const verdict = gated ? gateVerdict(settings, pushed.digest, scan, unjudged) : undefined;
    const signature = await signatureStage(settings, stages, destination, pushed, await signing, cancel);
    // The tags after the version only once every check passed; the gate, the signature and a failed attest fail the run after the outputs and the summary are written.
    const failures = [verdict?.failure, signature.failure !== undefined ? new errors/* ActionError */.lZ(`${signature.failure}.`) : undefined, attestFailure].filter(f => f !== undefined);
    const held = failedCheck({ gate: verdict?.failure, signature: signature.failure, attest: attestFailure });
    // The copies, like the tags, only of an image that passed: the other registries never get one the run failed.
    const copyAt = { registry, path: destination.path, digest: pushed.digest, retry };
    const copying = settings.registries?.copyTo ?? [];
    const copies = copying.length > 0 && held === undefined ? await stages.run('copy', () => copyToDestinations(settings, session, copyAt, deps.registry)) : [];
    const checked = copying.length > 0 && held !== undefined ? { ...pushed, outcome: `${pushed.outcome}; ${withheldCopies(settings, registry.registry, held)}` } : pushed;
    // What each platform image has attached, for the summary: read beside the tags stage.
    const attachmentsRead = settings.summary && read.images.length > 0 ? summaryAttachments(registry, destination.path, read.images, retry) : undefined;
    attachmentsRead?.catch(() => undefined);
    const tagsAt = { destination, registry, retry, latestRead: latestBefore, latestAhead };
    const tagged = tagsAfterChecks(settings).length > 0 ? await stages.run('tags', () => putTags(settings, tagsAt, checked, !pushed.built, held)) : checked;
    const attachments = await attachmentsRead;
    await report(settings, { destination, pushed: tagged, ...read, latestBefore: await latestBefore, ...(verdict ? { scan: verdict } : {}), signature, attachments, copies, times: stages.times });
    for (const also of failures.slice(1))
        core/* warning */.$e(`Also: ${also.message}`);
    if (failures[0] !== undefined)
        throw failures[0];
    await renewForLaterSteps(settings, deps, session, destination, loggedIn, firstLogin);
}
/** A re-run: nothing is built; the tags after the version move back to it once the run's checks pass (tags-stage.ts). */
async function reuse(existing, decision) {
    const reason = decision.build ? '' : decision.reason;
    core/* info */.pq(`Not building: ${reason}.`);
    return { digest: existing.digest, metadata: {}, built: false, outcome: `skipped: ${reason}` };
}
/**
 * The index made from the digests per-platform runs pushed, under its version (the other
 * tags follow once the run's checks pass: tags-stage.ts). A version the registry refused
 * because it already names that index (a lost answer) is taken as merged. Its digest is read
 * back from the version tag.
 */
async function merge(settings, deps, retry, destination, registry, builder) {
    const { build, image } = settings;
    const annotations = (0,metadata/* annotationsFor */.gX)((0,plan/* labelsFor */.dS)(deps.env, image.version), build.annotations.filter(settings_annotations/* onIndexOnly */.kK), ['index']);
    const check = (tag) => (0,already_tagged/* tagHoldsMerge */.Db)(registry, destination.path, tag, build.mergeDigests, retry);
    const found = await (0,buildx/* mergeIndex */.$R)(deps.docker, destination.uri, [image.version], build.mergeDigests, { retry, builder: builder.use, timeoutSeconds: build.mergeTimeoutSeconds, annotations }, check);
    const index = found ?? (await (0,refusals/* withRegistryRetry */.ox)(registry.registry, `reading the merged index '${image.version}'`, retry, () => registry.manifest(destination.path, image.version)));
    if (index === undefined) {
        throw new errors/* ActionError */.lZ(`The merge exited successfully, but the registry has no '${image.version}' in ${destination.path} after it: run the job again.`);
    }
    const outcome = `merged ${build.mergeDigests.length} platform images into one index${found ? `; found '${found.tag}' already naming it` : ''}`;
    return { digest: index.digest, metadata: {}, built: true, outcome, builder: (0,build_builder/* describeBuilder */.nG)(builder), annotations };
}
/**
 * buildx pushes the version (or, by digest, exports the image the action uploads); the other
 * tags go on the digest its metadata file names once the run's checks pass (tags-stage.ts).
 * A version tag the registry refused because it already names this run's build (a lost
 * answer) is taken as pushed.
 */
async function buildPush(settings, deps, retry, destination, registry, builder) {
    const { build, image } = settings;
    const tags = (0,plan/* tagRoutes */.ZS)(build, image);
    const labels = (0,plan/* labelsFor */.dS)(deps.env, image.version);
    const identity = (0,already_tagged/* buildIdentity */.bj)(labels, build.labels, build.platforms);
    const annotated = { ...build, annotations: (0,metadata/* annotationsForBuild */.UT)(labels, build) };
    const built = await (0,buildx/* buildAndPush */.sf)(deps.docker, annotated, (0,plan/* imageReferences */.Ef)(destination.uri, tags.buildx), labels, {
        tempDir: deps.env.RUNNER_TEMP,
        repositoryUri: destination.uri,
        retry,
        byDigest: { registry, repository: destination.path },
        buildxConfigDir: (0,record/* buildxConfigDir */.iL)(deps.env),
        builder: builder.use,
        driver: builder.driver,
        alreadyPushed: tag => (0,already_tagged/* tagHoldsBuild */.fr)(registry, destination.path, tag, identity, retry)
    });
    const outcome = build.pushByDigest ? 'built and pushed by digest (untagged), for a merge' : `built and pushed${built.found !== undefined ? `; found '${built.found}' already naming it` : ''}`;
    return {
        digest: built.digest,
        metadata: built.metadata,
        built: true,
        outcome,
        builder: (0,build_builder/* describeBuilder */.nG)(builder),
        labels: (0,metadata/* mergedLabels */.E2)(labels, build.labels),
        annotations: annotated.annotations,
        ...(built.bytesUploaded !== undefined ? { uploaded: built.bytesUploaded } : {})
    };
}


/***/ })

};
