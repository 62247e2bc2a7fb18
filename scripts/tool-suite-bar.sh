#!/usr/bin/env bash
# The tool-suite bar: the tool tests (make test-tool) must pass with any valid content/, so that an editor's
# change to the shipped toolkit never breaks them. This runs them on a small toolkit instead of the shipped
# one, in a throwaway worktree of HEAD; nothing in this checkout changes.
#
#   scripts/tool-suite-bar.sh                  # a new worktree in /tmp, removed at the end
#   BAR_DIR=/tmp/toolkit-bar scripts/tool-suite-bar.sh   # kept there, to look into a failure; run again,
#                                              # it is moved to this checkout's HEAD and built incrementally
#
# In the worktree: every toolkit in content/ is replaced by one made with `toolkit new` (a part and two
# questions, with the placeholder words an editor starts from), site/ is rebuilt and both are committed
# there (site-is-current compares site/ with git), then `make test-tool` runs. The first run builds the
# tool and its tests from the start (5 to 8 minutes on 2 cores); the Swift packages are copied from this
# checkout's .build, so no network is needed.
set -euo pipefail

root=$(git rev-parse --show-toplevel)
head=$(git -C "$root" rev-parse HEAD)
if [ -n "${BAR_DIR:-}" ]; then
    dir=$BAR_DIR
else
    dir=$(mktemp -d /tmp/toolkit-bar-XXXXXX)
    rmdir "$dir"
    trap 'git -C "$root" worktree remove --force "$dir"' EXIT
fi
if [ -e "$dir/.git" ]; then
    # A worktree kept from an earlier run: the same commit as this checkout, with its build kept.
    git -C "$dir" checkout -q --detach "$head"
    git -C "$dir" reset -q --hard
    git -C "$dir" clean -qfdx -e .build
else
    git -C "$root" worktree add --detach "$dir" "$head" >/dev/null
fi
echo "tool-suite bar: a worktree of $(git -C "$root" rev-parse --short HEAD) in $dir"

# The Swift packages' sources and the resolved versions, so that the copy resolves without a network.
mkdir -p "$dir/.build"
for item in checkouts repositories artifacts workspace-state.json; do
    [ -e "$root/.build/$item" ] && [ ! -e "$dir/.build/$item" ] && cp -a "$root/.build/$item" "$dir/.build/"
done
[ -f "$root/Package.resolved" ] && cp "$root/Package.resolved" "$dir/"

cd "$dir"
swift build --product toolkit
toolkit="$(swift build --show-bin-path)/toolkit"
find content -mindepth 1 -maxdepth 1 ! -name README.md -exec git rm -rq {} +
"$toolkit" new toolkit small-test >/dev/null
"$toolkit" new part basics --in content/small-test >/dev/null
"$toolkit" new question first --in content/small-test/1-basics >/dev/null
"$toolkit" new question second --in content/small-test/1-basics >/dev/null
"$toolkit" check
rm -rf site
"$toolkit" build
git add -A content site
git -c user.name="tool-suite bar" -c user.email=bar@localhost commit -qm "tool-suite bar: a small toolkit in place of the shipped content"

make test-tool
echo "tool-suite bar: make test-tool passed with content/ replaced by a small toolkit"
