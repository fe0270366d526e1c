//! Where the output really is: paths resolved the way the system will resolve them
//! (`..` and symbolic links, whether or not the folders exist yet), and the guards that
//! keep a build out of the site's sources and the user's own folders.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::error::Error;

/// More links than this in one path is a loop (Linux's own limit).
const MAX_LINKS: usize = 40;

/// `path` made absolute, every symbolic link followed and every `..` applied to the
/// folder it really follows. Components that do not exist yet are taken as written,
/// and `..` after one of them steps back over it, as creating the folders would.
pub(crate) fn resolve(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut queue: VecDeque<OsString> = VecDeque::new();
    let mut out = PathBuf::new();
    let mut links = 0;
    push_front(&mut queue, &absolute, &mut out);
    while let Some(part) = queue.pop_front() {
        if part == ".." {
            out.pop();
            continue;
        }
        let candidate = out.join(&part);
        match std::fs::symlink_metadata(&candidate) {
            Ok(meta) if meta.file_type().is_symlink() => {
                links += 1;
                if links > MAX_LINKS {
                    return Err(io::Error::other(format!("too many symbolic links in {}", path.display())));
                }
                let target = std::fs::read_link(&candidate)?;
                push_front(&mut queue, &target, &mut out);
            }
            _ => out = candidate,
        }
    }
    Ok(out)
}

/// Puts the components of `path` at the front of `queue`; an absolute `path` first
/// sends `out` back to its root (or prefix, on Windows).
fn push_front(queue: &mut VecDeque<OsString>, path: &Path, out: &mut PathBuf) {
    let mut parts = Vec::new();
    for component in path.components() {
        match component {
            Component::Prefix(p) => *out = PathBuf::from(p.as_os_str()),
            Component::RootDir => out.push(Component::RootDir.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => parts.push(OsString::from("..")),
            Component::Normal(name) => parts.push(name.to_os_string()),
        }
    }
    for part in parts.into_iter().rev() {
        queue.push_front(part);
    }
}

/// Refuses outputs that would put the site's sources or the user's folders at risk,
/// judged on resolved paths: the site itself or a folder holding it, a folder inside
/// `content/`, `templates/` or `static/`, a folder holding a `content/` folder (another
/// site), the file system's root, and the home folder or a folder holding it.
pub(crate) fn guard(root: &Path, output: &Path) -> Result<(), Error> {
    let refuse = |why: String| Err(Error::Refused { output: output.to_path_buf(), why });
    if output.parent().is_none() {
        return refuse("it is the root of the file system".to_owned());
    }
    if output == root {
        return refuse("it is the site's own folder".to_owned());
    }
    if root.starts_with(output) {
        return refuse("it contains the site".to_owned());
    }
    for source in ["content", "templates", "static"] {
        if output.starts_with(root.join(source)) {
            return refuse(format!("it is inside the site's {source}/ folder"));
        }
    }
    if let Some(home) = home() {
        if output == home {
            return refuse("it is your home folder".to_owned());
        }
        if home.starts_with(output) {
            return refuse("it contains your home folder".to_owned());
        }
    }
    if output.join("content").is_dir() {
        return refuse("it has a content/ folder (it looks like another site)".to_owned());
    }
    Ok(())
}

/// The user's home folder, resolved, if the environment names one.
fn home() -> Option<PathBuf> {
    let home = std::env::var_os(if cfg!(windows) { "USERPROFILE" } else { "HOME" })?;
    let home = PathBuf::from(home);
    if home.as_os_str().is_empty() || !home.is_absolute() {
        return None;
    }
    resolve(&home).ok()
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;

    fn scratch(label: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("briefing-paths-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir.canonicalize().unwrap()
    }

    #[test]
    fn dot_dot_through_a_missing_folder_steps_back_over_it() {
        let dir = scratch("missing");
        std::fs::create_dir_all(dir.join("site/content/articles")).unwrap();
        let sneaky = dir.join("site/x/../content/articles");
        assert_eq!(resolve(&sneaky).unwrap(), dir.join("site/content/articles"));
        assert_eq!(resolve(&dir.join("a/b/../../site/./content")).unwrap(), dir.join("site/content"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn links_are_followed_before_dot_dot_applies() {
        let dir = scratch("links");
        std::fs::create_dir_all(dir.join("deep/inside")).unwrap();
        std::os::unix::fs::symlink(dir.join("deep/inside"), dir.join("link")).unwrap();
        // `link/..` is `deep`, where the link points from, not `dir`.
        assert_eq!(resolve(&dir.join("link/../x")).unwrap(), dir.join("deep/x"));
        // A relative link, and one that points at nothing yet.
        std::os::unix::fs::symlink("deep/new", dir.join("dangling")).unwrap();
        assert_eq!(resolve(&dir.join("dangling/y")).unwrap(), dir.join("deep/new/y"));
        // A loop is an error, not a hang.
        std::os::unix::fs::symlink(dir.join("loop"), dir.join("loop")).unwrap();
        assert!(resolve(&dir.join("loop")).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn guards_judge_resolved_paths() {
        let dir = scratch("guards");
        let root = dir.join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        for bad in ["site", "", "site/content/articles", "site/templates/x", "site/static"] {
            let output = resolve(&dir.join(bad)).unwrap();
            assert!(guard(&root, &output).is_err(), "{bad} was let through");
        }
        assert!(guard(&root, Path::new("/")).is_err());
        assert!(guard(&root, &root.join("public")).is_ok());
        assert!(guard(&root, &dir.join("elsewhere")).is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
