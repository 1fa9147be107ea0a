"""moto's ECR + STS server, extended where moto 5.1 lags behind today's ECR API.

Runs inside the stack's chroot (python3-moto from Debian trixie). The extensions follow
the ECR API reference:
- imageTagMutability IMMUTABLE_WITH_EXCLUSION / MUTABLE_WITH_EXCLUSION with
  imageTagMutabilityExclusionFilters (1-5 WILDCARD filters) in CreateRepository,
  PutImageTagMutability and DescribeRepositories;
- PutImage refuses to move a tag the repository keeps immutable (ImageTagAlreadyExistsException);
- lastEvaluatedAt as epoch seconds, as ECR's JSON protocol sends it (moto sends ISO text,
  which the JavaScript SDK can't read);
- lifecycle policies: any JSON policy with a rules list is stored as sent. ECR's own rules
  are checked by the action; the emulator must never refuse a policy ECR accepts (moto
  refuses storageClass, sinceImagePulled, the transition action …);
- replication: up to 10 rules of 1-25 destinations and up to 100 PREFIX_MATCH filters
  (moto takes one rule only);
- scanning: a repository with scanOnPush starts each pushed image's basic scan itself; a
  scan reports IN_PROGRESS for a set number of reads, then COMPLETE with the findings the
  tests set (POST /_stack/scan {"severityCounts": {...}, "inProgressReads": n, "status":
  "COMPLETE"|"FAILED"|...}); timestamps are epoch seconds; PutImage's answer for an image
  scanned already leaves the scan time out (moto can't serialize it);
- archived images (the block marked "archived images"): imageStatus in DescribeImages,
  UpdateImageStorageClass, and POST /_stack/image-status to archive or restore an image.
- enhanced scanning: with the registry's scanType ENHANCED, DescribeImageScanFindings answers
  PENDING, then ACTIVE with enhancedFindings (findingArn, severity, …) from the same counts.
- repository creation templates (Create/Describe/DeleteRepositoryCreationTemplate), which
  moto lacks: stored only, applied by nothing (the action reads them itself).
- managed signing (Put/Get/DeleteSigningConfiguration, DescribeImageSigningStatus), which
  moto lacks: an image pushed while rules cover its repository gets a status per Signer
  profile, IN_PROGRESS then COMPLETE or FAILED as the tests set (POST /_stack/signing).
Usage: python3 moto_server.py HOST PORT
"""
import fnmatch
import json
import re
import sys
import time
from datetime import datetime, timezone

from moto.core.exceptions import JsonRESTError
from moto.ecr import models, responses
from moto.ecr.exceptions import InvalidParameterException, ScanNotFoundException, ValidationException
from moto.server import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple

MODES = ["MUTABLE", "IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION", "MUTABLE_WITH_EXCLUSION"]
FILTER = re.compile(r"^[0-9a-zA-Z._*-]{1,128}$")


class ImageTagAlreadyExistsException(JsonRESTError):
    code = 400

    def __init__(self, tag, repository, registry_id):
        super().__init__(
            error_type="ImageTagAlreadyExistsException",
            message=(
                f"The image tag '{tag}' already exists in the '{repository}' repository "
                f"and cannot be overwritten because the repository is immutable."
            ),
        )


def validate_mutability(mode, filters):
    mode = mode or "MUTABLE"
    if mode not in MODES:
        raise InvalidParameterException(
            "Invalid parameter at 'imageTagMutability' failed to satisfy constraint: "
            f"'Member must satisfy enum value set: [{', '.join(MODES)}]'"
        )
    filters = filters or []
    if mode.endswith("_WITH_EXCLUSION"):
        if not 1 <= len(filters) <= 5:
            raise InvalidParameterException(
                "imageTagMutabilityExclusionFilters must contain 1 to 5 filters "
                f"when imageTagMutability is {mode}"
            )
    elif filters:
        raise InvalidParameterException(
            f"imageTagMutabilityExclusionFilters can only be used with IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION, not {mode}"
        )
    for f in filters:
        if f.get("filterType") != "WILDCARD" or not FILTER.match(f.get("filter", "")):
            raise InvalidParameterException(
                f"Invalid imageTagMutabilityExclusionFilter: {json.dumps(f)}"
            )
    return mode, [{"filterType": "WILDCARD", "filter": f["filter"]} for f in filters]


def tag_is_immutable(repo, tag):
    mode = repo.image_tag_mutability
    filters = getattr(repo, "exclusion_filters", [])
    excluded = any(fnmatch.fnmatchcase(tag, f["filter"]) for f in filters)
    return {
        "MUTABLE": False,
        "IMMUTABLE": True,
        "IMMUTABLE_WITH_EXCLUSION": not excluded,
        "MUTABLE_WITH_EXCLUSION": excluded,
    }.get(mode, False)


# --- Repository: keep the filters, describe them --------------------------------------
_repo_response = models.Repository.response_object.fget


def repo_response(self):
    filters = self.__dict__.pop("exclusion_filters", [])
    try:
        out = _repo_response(self)
    finally:
        self.exclusion_filters = filters
    if filters:
        out["imageTagMutabilityExclusionFilters"] = filters
    return out


models.Repository.response_object = property(repo_response)


def create_repository(self):
    mode, filters = validate_mutability(
        self._get_param("imageTagMutability"),
        self._get_param("imageTagMutabilityExclusionFilters"),
    )
    repository = self.ecr_backend.create_repository(
        repository_name=self._get_param("repositoryName"),
        registry_id=self._get_param("registryId"),
        encryption_config=self._get_param("encryptionConfiguration"),
        image_scan_config=self._get_param("imageScanningConfiguration"),
        image_tag_mutablility=mode,
        tags=self._get_param("tags", []),
    )
    repository.exclusion_filters = filters
    return json.dumps({"repository": repository.response_object})


def put_image_tag_mutability(self):
    mode, filters = validate_mutability(
        self._get_param("imageTagMutability"),
        self._get_param("imageTagMutabilityExclusionFilters"),
    )
    repo = self.ecr_backend._get_repository(
        self._get_param("repositoryName"), self._get_param("registryId")
    )
    repo.image_tag_mutability = mode
    repo.exclusion_filters = filters
    out = {
        "registryId": repo.registry_id,
        "repositoryName": repo.name,
        "imageTagMutability": mode,
    }
    if filters:
        out["imageTagMutabilityExclusionFilters"] = filters
    return json.dumps(out)


responses.ECRResponse.create_repository = create_repository
responses.ECRResponse.put_image_tag_mutability = put_image_tag_mutability

# --- PutImage: immutability, pushes by digest ----------------------------------------
_put_image = models.ECRBackend.put_image


def put_image(self, repository_name, image_manifest, image_tag, image_manifest_mediatype=None, digest=None):
    repo = self.repositories.get(repository_name)
    if repo is not None and image_tag:
        holder = next((i for i in repo.images if image_tag in i.image_tags), None)
        if holder is not None and tag_is_immutable(repo, image_tag):
            raise ImageTagAlreadyExistsException(image_tag, repository_name, repo.registry_id)
        # Same manifest already there under this tag on a mutable tag: nothing to do.
        if holder is not None and holder.image_manifest == image_manifest:
            return holder
    if repo is not None and not image_tag:
        same = next((i for i in repo.images if i.image_manifest == image_manifest), None)
        if same is not None:
            return same
    return _put_image(self, repository_name, image_manifest, image_tag, image_manifest_mediatype, digest)


models.ECRBackend.put_image = put_image

# --- Lifecycle policies: stored as sent; timestamps as epoch seconds ------------------


def lenient_validate(self):
    try:
        policy = json.loads(self._policy_text)
    except ValueError as error:
        raise InvalidParameterException(f"Invalid parameter at 'LifecyclePolicyText': {error}")
    if not isinstance(policy, dict) or not isinstance(policy.get("rules"), list):
        raise InvalidParameterException("Invalid parameter at 'LifecyclePolicyText': no rules")


models.EcrLifecyclePolicyValidator.validate = lenient_validate

for name in ("get_lifecycle_policy", "delete_lifecycle_policy"):
    original = getattr(models.ECRBackend, name)

    def epoch(self, *args, _original=original, **kwargs):
        out = _original(self, *args, **kwargs)
        if "lastEvaluatedAt" in out:
            out["lastEvaluatedAt"] = time.time()
        return out

    setattr(models.ECRBackend, name, epoch)

# --- Replication: ECR's limits, not moto's single rule --------------------------------


def put_replication_configuration(self, replication_config):
    rules = replication_config.get("rules", [])
    if len(rules) > 10:
        raise InvalidParameterException("A replication configuration can have at most 10 rules")
    for rule in rules:
        destinations = rule.get("destinations", [])
        if not 1 <= len(destinations) <= 25:
            raise InvalidParameterException("Each replication rule needs 1 to 25 destinations")
        for dest in destinations:
            if dest.get("region") == self.region_name and dest.get("registryId") == self.account_id:
                raise InvalidParameterException(
                    "Invalid parameter at 'replicationConfiguration' failed to satisfy constraint: "
                    "'Replication destination cannot be the same as the source registry'"
                )
        filters = rule.get("repositoryFilters", [])
        if len(filters) > 100 or any(f.get("filterType") != "PREFIX_MATCH" for f in filters):
            raise InvalidParameterException("repositoryFilters: at most 100 filters of type PREFIX_MATCH")
    self.replication_config = replication_config
    return {"replicationConfiguration": replication_config}


models.ECRBackend.put_replication_configuration = put_replication_configuration

# --- Scanning: scan on push, a scan that takes time, findings set by the tests --------
SCAN = {"severityCounts": {}, "inProgressReads": 0, "status": "COMPLETE"}
SCAN_READS = {}


def start_image_scan(self, registry_id, repository_name, image_id):
    repo = self._get_repository(repository_name, registry_id)
    image = repo._get_image(image_id.get("imageTag"), image_id.get("imageDigest"))
    if image.last_scan is not None:
        raise models.LimitExceededException()
    image.last_scan = datetime.now(timezone.utc)
    return {
        "registryId": repo.registry_id,
        "repositoryName": repository_name,
        "imageId": {"imageDigest": image.image_digest},
        "imageScanStatus": {"status": "IN_PROGRESS"},
    }


def describe_image_scan_findings(self, registry_id, repository_name, image_id):
    repo = self._get_repository(repository_name, registry_id)
    image = repo._get_image(image_id.get("imageTag"), image_id.get("imageDigest"))
    if image.last_scan is None and repo.image_scanning_configuration.get("scanOnPush"):
        image.last_scan = datetime.fromtimestamp(image.image_pushed_at, timezone.utc)
    if image.last_scan is None:
        raise ScanNotFoundException(
            image_id=f"{{imageDigest:'{image.image_digest}', imageTag:'null'}}",
            repository_name=repository_name,
            registry_id=repo.registry_id,
        )
    out = {
        "registryId": repo.registry_id,
        "repositoryName": repository_name,
        "imageId": {"imageDigest": image.image_digest},
    }
    reads = SCAN_READS.get(image.image_digest, 0)
    SCAN_READS[image.image_digest] = reads + 1
    if reads < SCAN["inProgressReads"]:
        out["imageScanStatus"] = {"status": "IN_PROGRESS", "description": "The scan is in progress."}
        return out
    if SCAN["status"] != "COMPLETE":
        out["imageScanStatus"] = {"status": SCAN["status"], "description": f"The scan ended {SCAN['status']}."}
        return out
    counts = {k: v for k, v in SCAN["severityCounts"].items() if v > 0}
    findings = [
        {"name": f"CVE-2026-{1000 + i}", "severity": severity, "uri": f"https://nvd.nist.gov/vuln/detail/CVE-2026-{1000 + i}", "attributes": []}
        for severity, n in counts.items()
        for i in range(min(n, 20))
    ]
    out["imageScanStatus"] = {"status": "COMPLETE", "description": "The scan was completed successfully."}
    out["imageScanFindings"] = {
        "imageScanCompletedAt": image.last_scan.timestamp(),
        "vulnerabilitySourceUpdatedAt": time.time(),
        "findings": findings,
        "findingSeverityCounts": counts,
    }
    return out


models.ECRBackend.start_image_scan = start_image_scan
models.ECRBackend.describe_image_scan_findings = describe_image_scan_findings

# An image's answer (PutImage's, as when a tag is put on an image scanned already) leaves
# its scan time out, as ECR's does: moto would put the datetime in and fail to serialize it.
_image_response = models.Image.response_object.fget


def image_response(self):
    out = _image_response(self)
    out.pop("lastScan", None)
    return out


models.Image.response_object = property(image_response)


# --- Archived images (ECR's archive storage class) -------------------------------------
# Begin: archived images. DescribeImages answers imageStatus (ACTIVE by default) with
# lastArchivedAt / lastActivatedAt (epoch seconds); UpdateImageStorageClass
# {repositoryName, imageId, targetStorageClass: STANDARD|ARCHIVE} moves an image between
# ARCHIVED and ACTIVE (a restore is done at once here; ECR takes up to 20 minutes);
# POST /_stack/image-status {"repositoryName","imageDigest"|"imageTag","imageStatus"} sets
# ACTIVE, ARCHIVED or ACTIVATING directly; a PutImage of an image's manifest restores it.
STORAGE_TARGETS = {"STANDARD": "ACTIVE", "ARCHIVE": "ARCHIVED"}


class ImageStorageClassUpdateNotSupportedException(JsonRESTError):
    code = 400

    def __init__(self, message):
        super().__init__(error_type="ImageStorageClassUpdateNotSupportedException", message=message)


def set_image_status(image, status):
    now = time.time()
    if status == "ARCHIVED":
        image.last_archived_at = now
    elif status == "ACTIVE" and getattr(image, "image_status", "ACTIVE") != "ACTIVE":
        image.last_activated_at = now
    image.image_status = status


_describe_object = models.Image.response_describe_object.fget


def describe_object_with_status(self):
    out = _describe_object(self)
    out["imageStatus"] = getattr(self, "image_status", "ACTIVE")
    for key, attr in (("lastArchivedAt", "last_archived_at"), ("lastActivatedAt", "last_activated_at")):
        if getattr(self, attr, None) is not None:
            out[key] = getattr(self, attr)
    return out


models.Image.response_describe_object = property(describe_object_with_status)


def update_image_storage_class(self):
    name = self._get_param("repositoryName")
    image_id = self._get_param("imageId") or {}
    target = self._get_param("targetStorageClass")
    if target not in STORAGE_TARGETS:
        raise InvalidParameterException(
            "Invalid parameter at 'targetStorageClass' failed to satisfy constraint: "
            "'Member must satisfy enum value set: [STANDARD, ARCHIVE]'"
        )
    repo = self.ecr_backend._get_repository(name, self._get_param("registryId"))
    image = repo._get_image(image_id.get("imageTag"), image_id.get("imageDigest"))
    status = getattr(image, "image_status", "ACTIVE")
    if (target == "ARCHIVE" and status != "ACTIVE") or (target == "STANDARD" and status == "ACTIVE"):
        raise ImageStorageClassUpdateNotSupportedException(
            f"The image is {status}; it can't be moved to the {target} storage class."
        )
    set_image_status(image, STORAGE_TARGETS[target])
    return json.dumps(
        {
            "registryId": repo.registry_id,
            "repositoryName": name,
            "imageId": {"imageDigest": image.get_image_digest()},
            "imageStatus": image.image_status,
        }
    )


responses.ECRResponse.update_image_storage_class = update_image_storage_class

_put_image_with_mutability = models.ECRBackend.put_image


def put_image_restores(self, *args, **kwargs):
    image = _put_image_with_mutability(self, *args, **kwargs)
    if getattr(image, "image_status", "ACTIVE") != "ACTIVE":
        set_image_status(image, "ACTIVE")
    return image


models.ECRBackend.put_image = put_image_restores


def stack_image_status(backend, body):
    repo = backend._get_repository(body["repositoryName"], body.get("registryId"))
    image = repo._get_image(body.get("imageTag"), body.get("imageDigest"))
    if body.get("imageStatus") not in ("ACTIVE", "ARCHIVED", "ACTIVATING"):
        raise ValueError("imageStatus: ACTIVE, ARCHIVED or ACTIVATING")
    set_image_status(image, body["imageStatus"])
    return {"imageDigest": image.get_image_digest(), "imageStatus": image.image_status}


# End: archived images.


# --- Enhanced scanning (registry scanType ENHANCED): Inspector's findings -------------
# With the registry's scanning configuration ENHANCED (PutRegistryScanningConfiguration,
# which moto stores), DescribeImageScanFindings answers as Amazon Inspector's scans do: for
# an image of a repository a rule's filter covers (ECR's WILDCARD: no `*` = the name
# contains the filter, else `*` is zero or more characters over the whole name), PENDING
# for the set number of reads, then ACTIVE with `enhancedFindings` generated from the
# severity counts POST /_stack/scan set (each with a findingArn, severity and package
# details); `status` other than COMPLETE (e.g. FINDINGS_UNAVAILABLE,
# SCAN_ELIGIBILITY_EXPIRED) is answered as that status. An image no rule covers has no scan
# (ScanNotFoundException). BASIC registries are answered by the block above, with a BASIC
# rule scanning on push for the repository taking precedence over its own scan on push.


def rules_cover(config, repository_name):
    for rule in config.get("rules", []):
        for f in rule.get("repositoryFilters", []):
            text = f.get("filter", "")
            if ("*" in text and fnmatch.fnmatchcase(repository_name, text)) or ("*" not in text and text in repository_name):
                return True
    return False


def enhanced_findings(repo, image):
    findings = []
    for severity, n in SCAN["severityCounts"].items():
        for i in range(n):
            k = len(findings)
            findings.append({
                "awsAccountId": repo.registry_id,
                "findingArn": f"arn:aws:inspector2:us-east-1:{repo.registry_id}:finding/{image.image_digest[7:23]}{k:016x}",
                "description": f"A {severity.lower()} vulnerability (stack emulation).",
                "severity": severity,
                "status": "ACTIVE",
                "title": f"CVE-2026-{2000 + k} - example-package",
                "type": "PACKAGE_VULNERABILITY",
                "packageVulnerabilityDetails": {
                    "vulnerabilityId": f"CVE-2026-{2000 + k}",
                    "source": "NVD",
                    "vulnerablePackages": [{"name": "example-package", "version": "1.0.0"}],
                },
                "firstObservedAt": image.image_pushed_at,
                "lastObservedAt": time.time(),
                "updatedAt": time.time(),
            })
    return findings


def describe_enhanced_or_basic(self, registry_id, repository_name, image_id):
    config = self.registry_scanning_configuration
    if config.get("scanType") != "ENHANCED":
        # A BASIC rule scanning on push for the repository takes precedence over its own setting.
        on_push = {"scanType": "BASIC", "rules": [r for r in config.get("rules", []) if r.get("scanFrequency") == "SCAN_ON_PUSH"]}
        if rules_cover(on_push, repository_name):
            repo = self._get_repository(repository_name, registry_id)
            image = repo._get_image(image_id.get("imageTag"), image_id.get("imageDigest"))
            if image.last_scan is None:
                image.last_scan = datetime.fromtimestamp(image.image_pushed_at, timezone.utc)
        return _describe_basic_scan_findings(self, registry_id, repository_name, image_id)
    repo = self._get_repository(repository_name, registry_id)
    image = repo._get_image(image_id.get("imageTag"), image_id.get("imageDigest"))
    if not rules_cover(config, repository_name):
        raise ScanNotFoundException(
            image_id=f"{{imageDigest:'{image.image_digest}', imageTag:'null'}}",
            repository_name=repository_name,
            registry_id=repo.registry_id,
        )
    out = {"registryId": repo.registry_id, "repositoryName": repository_name, "imageId": {"imageDigest": image.image_digest}}
    reads = SCAN_READS.get(image.image_digest, 0)
    SCAN_READS[image.image_digest] = reads + 1
    if reads < SCAN["inProgressReads"]:
        out["imageScanStatus"] = {"status": "PENDING", "description": "Scan pending."}
        return out
    if SCAN["status"] != "COMPLETE":
        out["imageScanStatus"] = {"status": SCAN["status"], "description": f"The scan ended {SCAN['status']}."}
        return out
    counts = {k: v for k, v in SCAN["severityCounts"].items() if v > 0}
    out["imageScanStatus"] = {"status": "ACTIVE", "description": "Continuous scan is selected for image."}
    out["imageScanFindings"] = {
        "imageScanCompletedAt": time.time(),
        "vulnerabilitySourceUpdatedAt": time.time(),
        "findingSeverityCounts": counts,
        "enhancedFindings": enhanced_findings(repo, image),
    }
    return out


_describe_basic_scan_findings = models.ECRBackend.describe_image_scan_findings
models.ECRBackend.describe_image_scan_findings = describe_enhanced_or_basic


# === Repository creation templates (moto 5.1 has none) ================================
# CreateRepositoryCreationTemplate, DescribeRepositoryCreationTemplates,
# DeleteRepositoryCreationTemplate with the API reference's shapes and errors. Kept on the
# region's backend, so moto's reset (POST /moto-api/reset) forgets them.
TEMPLATE_PREFIX = re.compile(r"^((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*/?|ROOT)$")
APPLIED_FOR = ["CREATE_ON_PUSH", "PULL_THROUGH_CACHE", "REPLICATION"]
ENCRYPTION_TYPES = ["AES256", "KMS", "KMS_DSSE"]


class TemplateAlreadyExistsException(JsonRESTError):
    code = 400

    def __init__(self, prefix):
        super().__init__(
            error_type="TemplateAlreadyExistsException",
            message=f"The repository creation template with prefix '{prefix}' already exists. Specify a unique prefix and try again.",
        )


class TemplateNotFoundException(JsonRESTError):
    code = 400

    def __init__(self, prefix):
        super().__init__(
            error_type="TemplateNotFoundException",
            message=f"The repository creation template with prefix '{prefix}' does not exist.",
        )


def creation_templates(backend):
    if "creation_templates" not in backend.__dict__:
        backend.creation_templates = {}
    return backend.creation_templates


def validate_template_prefix(prefix):
    if not isinstance(prefix, str) or not 1 <= len(prefix) <= 256 or not TEMPLATE_PREFIX.match(prefix):
        raise ValidationException(
            f"1 validation error detected: Value '{prefix}' at 'prefix' failed to satisfy constraint: "
            "Member must satisfy regular expression pattern: "
            "^((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*/?|ROOT)$"
        )


def create_repository_creation_template(self):
    prefix = self._get_param("prefix")
    validate_template_prefix(prefix)
    applied_for = self._get_param("appliedFor") or []
    if not applied_for or any(a not in APPLIED_FOR for a in applied_for):
        raise ValidationException(
            f"1 validation error detected: Value '{applied_for}' at 'appliedFor' failed to satisfy constraint: "
            f"Member must satisfy enum value set: [{', '.join(APPLIED_FOR)}] and have at least 1 member"
        )
    description = self._get_param("description")
    if description is not None and len(description) > 256:
        raise ValidationException("Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 256")
    encryption = self._get_param("encryptionConfiguration") or {"encryptionType": "AES256"}
    if encryption.get("encryptionType") not in ENCRYPTION_TYPES:
        raise ValidationException(f"Value at 'encryptionConfiguration.encryptionType' failed to satisfy constraint: Member must satisfy enum value set: [{', '.join(ENCRYPTION_TYPES)}]")
    if encryption.get("kmsKey") and encryption["encryptionType"] == "AES256":
        raise InvalidParameterException("Invalid parameter: a kmsKey can only be given with encryptionType KMS or KMS_DSSE")
    mode, filters = validate_mutability(self._get_param("imageTagMutability"), self._get_param("imageTagMutabilityExclusionFilters"))
    for name in ("lifecyclePolicy", "repositoryPolicy"):
        text = self._get_param(name)
        if text is not None:
            try:
                json.loads(text)
            except ValueError as error:
                raise InvalidParameterException(f"Invalid parameter at '{name}': {error}")
    backend = self.ecr_backend
    templates = creation_templates(backend)
    if prefix in templates:
        raise TemplateAlreadyExistsException(prefix)
    now = time.time()
    template = {
        "prefix": prefix,
        "encryptionConfiguration": encryption,
        "resourceTags": self._get_param("resourceTags") or [],
        "imageTagMutability": mode,
        "appliedFor": applied_for,
        "createdAt": now,
        "updatedAt": now,
    }
    if filters:
        template["imageTagMutabilityExclusionFilters"] = filters
    for name in ("description", "repositoryPolicy", "lifecyclePolicy", "customRoleArn"):
        if self._get_param(name) is not None:
            template[name] = self._get_param(name)
    templates[prefix] = template
    return json.dumps({"registryId": backend.account_id, "repositoryCreationTemplate": template})


def describe_repository_creation_templates(self):
    backend = self.ecr_backend
    prefixes = self._get_param("prefixes")
    max_results = self._get_param("maxResults") or 100
    if not isinstance(max_results, int) or not 1 <= max_results <= 1000:
        raise ValidationException("Value at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000")
    for prefix in prefixes or []:
        validate_template_prefix(prefix)
    found = [t for p, t in creation_templates(backend).items() if prefixes is None or p in prefixes]
    token = self._get_param("nextToken")
    try:
        start = int(token) if token else 0
    except ValueError:
        raise InvalidParameterException("Invalid parameter at 'nextToken': not a token this operation gave")
    out = {"registryId": backend.account_id, "repositoryCreationTemplates": found[start : start + max_results]}
    if start + max_results < len(found):
        out["nextToken"] = str(start + max_results)
    return json.dumps(out)


def delete_repository_creation_template(self):
    prefix = self._get_param("prefix")
    validate_template_prefix(prefix)
    backend = self.ecr_backend
    template = creation_templates(backend).pop(prefix, None)
    if template is None:
        raise TemplateNotFoundException(prefix)
    return json.dumps({"registryId": backend.account_id, "repositoryCreationTemplate": template})


responses.ECRResponse.create_repository_creation_template = create_repository_creation_template
responses.ECRResponse.describe_repository_creation_templates = describe_repository_creation_templates
responses.ECRResponse.delete_repository_creation_template = delete_repository_creation_template
# === end of repository creation templates =============================================


# === ECR managed signing (moto 5.1 has none) ==========================================
# PutSigningConfiguration, GetSigningConfiguration, DeleteSigningConfiguration and
# DescribeImageSigningStatus with the API reference's shapes and errors. The configuration
# (up to 10 rules: a Signer profile ARN and up to 100 WILDCARD_MATCH repository filters, `*`
# = any characters over the whole name; no filters = every repository) is kept on the
# region's backend, so POST /moto-api/reset forgets it. An image gets its signing profiles
# when first pushed (PutImage): those whose rules cover its repository then, as ECR signs on
# push; an image pushed before a rule covered it has no status. DescribeImageSigningStatus
# answers IN_PROGRESS for the set number of reads of each image, then the set status
# (POST /_stack/signing {"status": "COMPLETE"|"FAILED"|"IN_PROGRESS", "inProgressReads": n,
# "failureCode", "failureReason"}; IN_PROGRESS stays so). No signature artifact is pushed.
SIGNING_DEFAULT = {"status": "COMPLETE", "inProgressReads": 0, "failureCode": "SIGNING_FAILED", "failureReason": "The Signer profile refused the signing request (stack emulation)."}
SIGNING = dict(SIGNING_DEFAULT)
SIGNING_READS = {}
SIGNING_STATUSES = ["IN_PROGRESS", "COMPLETE", "FAILED"]
PROFILE_ARN = re.compile(r"^arn:aws(-[a-z]+)*:signer:[a-z0-9-]+:[0-9]{12}:/signing-profiles/[a-zA-Z0-9_]{2,}$")


class SigningConfigurationNotFoundException(JsonRESTError):
    code = 400

    def __init__(self, registry_id):
        super().__init__(
            error_type="SigningConfigurationNotFoundException",
            message=f"Signing configuration not found for registry '{registry_id}'",
        )


def signing_configuration(backend):
    return backend.__dict__.get("signing_configuration")


def validate_signing_configuration(config):
    rules = (config or {}).get("rules")
    if not isinstance(rules, list) or len(rules) > 10:
        raise ValidationException("1 validation error detected: Value at 'signingConfiguration.rules' failed to satisfy constraint: Member must have length less than or equal to 10")
    for rule in rules:
        arn = rule.get("signingProfileArn")
        if not isinstance(arn, str) or len(arn) > 200 or not PROFILE_ARN.match(arn):
            raise ValidationException(
                f"1 validation error detected: Value '{arn}' at 'signingProfileArn' failed to satisfy constraint: "
                "Member must satisfy regular expression pattern: ^arn:aws(-[a-z]+)*:signer:[a-z0-9-]+:[0-9]{12}:\\/signing-profiles\\/[a-zA-Z0-9_]{2,}$"
            )
        filters = rule.get("repositoryFilters") or []
        if len(filters) > 100:
            raise ValidationException("Value at 'repositoryFilters' failed to satisfy constraint: Member must have length less than or equal to 100")
        for f in filters:
            text = f.get("filter")
            if f.get("filterType") != "WILDCARD_MATCH":
                raise ValidationException(f"Value '{f.get('filterType')}' at 'filterType' failed to satisfy constraint: Member must satisfy enum value set: [WILDCARD_MATCH]")
            if not isinstance(text, str) or not 1 <= len(text) <= 256:
                raise ValidationException(f"Value '{text}' at 'filter' failed to satisfy constraint: Member must have length between 1 and 256")
    return {"rules": [{k: v for k, v in r.items() if k in ("signingProfileArn", "repositoryFilters")} for r in rules]}


def covering_profiles(config, repository_name):
    found = []
    for rule in (config or {}).get("rules", []):
        filters = rule.get("repositoryFilters") or []
        if not filters or any(fnmatch.fnmatchcase(repository_name, f["filter"]) for f in filters):
            if rule["signingProfileArn"] not in found:
                found.append(rule["signingProfileArn"])
    return found


def put_signing_configuration(self):
    config = validate_signing_configuration(self._get_param("signingConfiguration"))
    self.ecr_backend.signing_configuration = config
    return json.dumps({"signingConfiguration": config})


def get_signing_configuration(self):
    backend = self.ecr_backend
    config = signing_configuration(backend)
    if config is None:
        raise SigningConfigurationNotFoundException(backend.account_id)
    return json.dumps({"registryId": backend.account_id, "signingConfiguration": config})


def delete_signing_configuration(self):
    backend = self.ecr_backend
    config = signing_configuration(backend)
    if config is None:
        raise SigningConfigurationNotFoundException(backend.account_id)
    del backend.__dict__["signing_configuration"]
    return json.dumps({"registryId": backend.account_id, "signingConfiguration": config})


def describe_image_signing_status(self):
    backend = self.ecr_backend
    name = self._get_param("repositoryName")
    image_id = self._get_param("imageId") or {}
    repo = backend._get_repository(name, self._get_param("registryId"))
    image = repo._get_image(image_id.get("imageTag"), image_id.get("imageDigest"))
    digest = image.get_image_digest()
    reads = SIGNING_READS.get(digest, 0)
    SIGNING_READS[digest] = reads + 1
    statuses = []
    for arn in getattr(image, "signing_profiles", []):
        status = "IN_PROGRESS" if reads < SIGNING["inProgressReads"] else SIGNING["status"]
        entry = {"signingProfileArn": arn, "status": status}
        if status == "FAILED":
            entry.update({"failureCode": SIGNING["failureCode"], "failureReason": SIGNING["failureReason"]})
        statuses.append(entry)
    out_id = {"imageDigest": digest}
    if image_id.get("imageTag"):
        out_id["imageTag"] = image_id["imageTag"]
    return json.dumps({"registryId": repo.registry_id, "repositoryName": name, "imageId": out_id, "signingStatuses": statuses})


_put_image_before_signing = models.ECRBackend.put_image


def put_image_signs(self, repository_name, *args, **kwargs):
    image = _put_image_before_signing(self, repository_name, *args, **kwargs)
    # Signed on its first push only, by the rules covering the repository then.
    if "signing_profiles" not in image.__dict__:
        image.signing_profiles = covering_profiles(signing_configuration(self), repository_name)
    return image


models.ECRBackend.put_image = put_image_signs
responses.ECRResponse.put_signing_configuration = put_signing_configuration
responses.ECRResponse.get_signing_configuration = get_signing_configuration
responses.ECRResponse.delete_signing_configuration = delete_signing_configuration
responses.ECRResponse.describe_image_signing_status = describe_image_signing_status
# === end of managed signing ===========================================================


def stack_routes(app):
    """POST /_stack/scan sets how the next scans go; /moto-api/reset also forgets them."""

    def wsgi(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/_stack/scan" and environ.get("REQUEST_METHOD") == "POST":
            size = int(environ.get("CONTENT_LENGTH") or 0)
            body = json.loads(environ["wsgi.input"].read(size) or b"{}")
            SCAN.update({"severityCounts": {}, "inProgressReads": 0, "status": "COMPLETE"})
            SCAN.update(body)
            SCAN_READS.clear()
            start_response("200 OK", [("Content-Type", "application/json")])
            return [json.dumps(SCAN).encode()]
        if path == "/_stack/image-status" and environ.get("REQUEST_METHOD") == "POST":
            size = int(environ.get("CONTENT_LENGTH") or 0)
            body = json.loads(environ["wsgi.input"].read(size) or b"{}")
            backend = models.ecr_backends[body.get("accountId", "123456789012")][body.get("region", "us-east-1")]
            try:
                out, status = stack_image_status(backend, body), "200 OK"
            except Exception as error:  # noqa: BLE001 - the control route reports any refusal
                out, status = {"error": str(error)}, "400 Bad Request"
            start_response(status, [("Content-Type", "application/json")])
            return [json.dumps(out).encode()]
        if path == "/_stack/signing" and environ.get("REQUEST_METHOD") == "POST":
            size = int(environ.get("CONTENT_LENGTH") or 0)
            body = json.loads(environ["wsgi.input"].read(size) or b"{}")
            if body.get("status", "COMPLETE") not in SIGNING_STATUSES:
                start_response("400 Bad Request", [("Content-Type", "application/json")])
                return [json.dumps({"error": "status: IN_PROGRESS, COMPLETE or FAILED"}).encode()]
            SIGNING.clear()
            SIGNING.update(SIGNING_DEFAULT)
            SIGNING.update(body)
            SIGNING_READS.clear()
            start_response("200 OK", [("Content-Type", "application/json")])
            return [json.dumps(SIGNING).encode()]
        if path == "/moto-api/reset":
            SCAN.update({"severityCounts": {}, "inProgressReads": 0, "status": "COMPLETE"})
            SCAN_READS.clear()
            SIGNING.clear()
            SIGNING.update(SIGNING_DEFAULT)
            SIGNING_READS.clear()
        return app(environ, start_response)

    return wsgi


if __name__ == "__main__":
    host, port = sys.argv[1], sys.argv[2]
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(host, int(port), stack_routes(app), threaded=True, use_reloader=False)
