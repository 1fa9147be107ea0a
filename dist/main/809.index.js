export const id = 809;
export const ids = [809];
export const modules = {

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TransientError: () => (/* binding */ TransientError),
/* harmony export */   defaultRetry: () => (/* binding */ defaultRetry),
/* harmony export */   isThrottling: () => (/* binding */ isThrottling),
/* harmony export */   isTransient: () => (/* binding */ isTransient),
/* harmony export */   retry: () => (/* binding */ retry),
/* harmony export */   sleep: () => (/* binding */ sleep)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3110);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * The one retry helper: one policy type, one sleep, and the one place that decides what is
 * worth another try. STS, the registry client and buildx pushes all go through `retry`.
 * Errors that can never succeed (access denied, an immutable tag, a missing repository, a
 * failed build step) are never retried.
 */


const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** 2 s, 4 s, 8 s: four tries over about 14 s, for registry writes and pushes. */
const defaultRetry = {
    attempts: 4,
    delay: attempt => 2000 * 2 ** (attempt - 2),
    sleep,
    log: message => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message)
};
/** An error the code that saw it knows to be passing (a push that buildx says failed on a 5xx). */
class TransientError extends Error {
    name = 'TransientError';
    transient = true;
}
const TRANSIENT_NAMES = /^(InternalFailure|InternalError|ServiceUnavailable|ServiceUnavailableException|ServerException|IDPCommunicationError|RequestTimeout|RequestTimeoutException|TimeoutError)$/;
const THROTTLING_NAMES = /^(Throttling|ThrottlingException|RequestLimitExceeded|TooManyRequestsException)$/;
const NETWORK_CODES = /^(ECONNRESET|ETIMEDOUT|EPIPE|ECONNREFUSED|EAI_AGAIN|ENOTFOUND|ECONNABORTED|EHOSTUNREACH|ENETUNREACH|UND_ERR_SOCKET)$/;
/**
 * Whether an error may pass when tried again: throttling, 5xx and 429 answers (from AWS or
 * the registry), connections reset, refused or timed out, and errors marked transient.
 * Decided from the error's name, code and status, never from free text.
 */
function isTransient(error) {
    if (typeof error !== 'object' || error === null)
        return false;
    const e = error;
    if (e.transient === true || e.$retryable || isThrottling(error))
        return true;
    if (TRANSIENT_NAMES.test(e.name ?? ''))
        return true;
    const status = e.status ?? e.$metadata?.httpStatusCode ?? 0;
    if (status >= 500)
        return true;
    return NETWORK_CODES.test(e.code ?? '');
}
/** Whether an error asks the caller to slow down: a throttling error's name, or HTTP 429. */
function isThrottling(error) {
    if (typeof error !== 'object' || error === null)
        return false;
    const e = error;
    return THROTTLING_NAMES.test(e.name ?? '') || (e.status ?? e.$metadata?.httpStatusCode) === 429;
}
/**
 * Runs `fn` until it succeeds, fails in a way that is not transient, or has been tried
 * `policy.attempts` times (errors of `policy.slowDown`: its `attempts`, counted apart);
 * each retry is logged with what failed and the wait. After `cancel` no try starts, and a
 * wait ends at it.
 */
async function retry(what, fn, { policy, cancel } = { policy: defaultRetry }, transient = isTransient) {
    const { slowDown } = policy;
    let failed = 0;
    let slowed = 0;
    for (let attempt = 1;; attempt++) {
        cancel?.throwIfAborted();
        try {
            return await fn(attempt);
        }
        catch (error) {
            cancel?.throwIfAborted();
            if (!transient(error))
                throw error;
            const budget = slowDown?.when(error) === true ? slowDown : undefined;
            const tries = budget ? ++slowed : ++failed;
            const { attempts, delay } = budget ?? policy;
            if (tries >= attempts)
                throw error;
            const wait = delay(tries + 1);
            // The message may be a registry's or AWS's words: one line, no workflow command in it.
            policy.log(`${what} failed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .logSafe */ .sN)(error.message)}); trying again in ${Number((wait / 1000).toFixed(1))}s (${tries + 1} of ${attempts}${budget ? ` ${budget.name}` : ''}).`);
            await sleepUntilCancel(policy.sleep, wait, cancel);
        }
    }
}
/** The policy's sleep, cut short (rejecting with the cancel's reason) when the run is cancelled. */
async function sleepUntilCancel(wait, ms, cancel) {
    if (cancel === undefined)
        return wait(ms);
    let onAbort = () => undefined;
    const cancelled = new Promise((_resolve, reject) => {
        onAbort = () => reject(cancel.reason);
        cancel.addEventListener('abort', onAbort, { once: true });
    });
    try {
        await Promise.race([wait(ms), cancelled]);
    }
    finally {
        cancel.removeEventListener('abort', onAbort);
    }
}


/***/ })

};
