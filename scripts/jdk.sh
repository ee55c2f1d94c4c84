# Sourced by ./loupe and scripts/test: finds a JDK 25 or newer, or says what to install.
# Defines find_jdk (prints the JDK's home) and require_jdk (sets JDK, or exits 3 with advice).
# Looks at LOUPE_JAVA_HOME, JAVA_HOME, java on the PATH, then the JDKs inside the usual install
# folders; LOUPE_JDK_DIRS (colon-separated folders) replaces that list of folders.
REQUIRED_JAVA=25
EXIT_MISSING_RUNTIME=3

java_major() { # prints the feature version of the JDK at $1, or nothing
  local home=$1 v=""
  if [[ -f "$home/release" ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release" | head -1)
  fi
  if [[ -z "$v" && -x "$home/bin/java" ]]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -1)
  fi
  printf '%s' "$v"
}

find_jdk() { # prints the home of the first JDK >= 25 (with javac) among the usual places
  local candidates=() c d major
  [[ -n "${LOUPE_JAVA_HOME:-}" ]] && candidates+=("$LOUPE_JAVA_HOME")
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local dirs=(/usr/lib/jvm /opt/java /opt /usr/local/lib/jvm "$HOME/.sdkman/candidates/java" "$HOME/.jdks"
              /Library/Java/JavaVirtualMachines)
  if [[ -n "${LOUPE_JDK_DIRS:-}" ]]; then IFS=: read -r -a dirs <<<"$LOUPE_JDK_DIRS"; fi
  for d in "${dirs[@]}"; do
    for c in "$d"/* "$d"/*/Contents/Home; do
      [[ -d "$c" ]] && candidates+=("$c")
    done
  done
  for c in "${candidates[@]}"; do
    [[ -x "$c/bin/java" && -x "$c/bin/javac" ]] || continue
    major=$(java_major "$c")
    if [[ -n "$major" && "$major" -ge "$REQUIRED_JAVA" ]]; then
      printf '%s' "$c"
      return 0
    fi
  done
  return 1
}

require_jdk() {
  if ! JDK=$(find_jdk); then
    printf 'loupe: %s\n' \
      "no JDK $REQUIRED_JAVA or newer found (looked at LOUPE_JAVA_HOME, JAVA_HOME, java on the PATH, /usr/lib/jvm, /opt/java, ~/.sdkman, ~/.jdks)." \
      "install a JDK $REQUIRED_JAVA (for example Eclipse Temurin 25: package temurin-25-jdk from the Adoptium apt repository)," \
      "then run again, or point LOUPE_JAVA_HOME at it: LOUPE_JAVA_HOME=/path/to/jdk-25 ./loupe" >&2
    exit $EXIT_MISSING_RUNTIME
  fi
}
