#!/bin/busybox sh
# A small SBOM generator following BuildKit's SBOM scanning protocol: one SPDX 2.3 JSON
# document per scanned root filesystem, listing each regular file with its SHA-256, each
# wrapped in an in-toto statement (BuildKit reads the scan folder as a bundle of statements).
set -eu
scan() {
  src=$1
  name=$(basename "$src")
  out="$BUILDKIT_SCAN_DESTINATION/$name.spdx.json"
  now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  {
    printf '{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://spdx.dev/Document","predicate":'
    printf '{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"%s",' "$name"
    printf '"documentNamespace":"https://sbom-generator.stack.test/%s/%s","creationInfo":{"created":"%s","creators":["Tool: stack-sbom-generator-1"]},' "$name" "$(date +%s)-$$" "$now"
    printf '"packages":[{"name":"%s","SPDXID":"SPDXRef-Package-rootfs","downloadLocation":"NOASSERTION","filesAnalyzed":false}],"files":[' "$name"
    first=1
    (cd "$src" && find . -type f | sort) | while IFS= read -r f; do
      sum=$(sha256sum "$src/$f" | cut -d' ' -f1)
      [ "$first" = 1 ] || printf ','
      first=0
      id=$(printf '%s' "$f" | sha256sum | cut -c1-16)
      printf '{"fileName":"%s","SPDXID":"SPDXRef-File-%s","checksums":[{"algorithm":"SHA256","checksumValue":"%s"}]}' "$(printf '%s' "$f" | sed 's/\\/\\\\/g; s/"/\\"/g')" "$id" "$sum"
    done
    printf ']}}\n'
  } >"$out"
}
scan "$BUILDKIT_SCAN_SOURCE"
if [ -n "${BUILDKIT_SCAN_SOURCE_EXTRAS:-}" ] && [ -d "$BUILDKIT_SCAN_SOURCE_EXTRAS" ]; then
  for extra in "$BUILDKIT_SCAN_SOURCE_EXTRAS"/*; do [ -d "$extra" ] && scan "$extra"; done
fi
