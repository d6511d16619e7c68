//! The HTML report in a real browser: headless Chromium driven through
//! WebDriver (chromedriver, with the `fantoccini` client). It opens a
//! report, checks that its script ran without error, switches views,
//! applies a filter, follows a moved paragraph's links, presses `n` and
//! `p`, opens an address inside a collapsed run, opens the timeline and
//! blame pages, and saves screenshots (under `target/tmp/screenshots/`)
//! that it checks are not blank.
//!
//! Needs the Debian packages `chromium` and `chromium-driver`. Without
//! them the test says so and passes, unless `EDITIONS_BROWSER_TESTS=require`
//! (as `.ci/run` sets), where it fails.

use crate::edition_path;
use crate::html::{compare, json_changes, page};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Chromium's flags: headless, and nothing that reaches for the network
/// (the machines have none; without these its connections are refused and
/// logged).
const FLAGS: [&str; 10] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=1280,900",
];

/// The first of `names` on the PATH (or an absolute path that exists).
fn which(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    names.iter().find_map(|name| {
        let name = Path::new(name);
        if name.is_absolute() {
            return name.exists().then(|| name.to_path_buf());
        }
        std::env::split_paths(&path).map(|dir| dir.join(name)).find(|p| p.is_file())
    })
}

/// Chromium and chromedriver, or `None` with a message saying what to
/// install (a failure when `EDITIONS_BROWSER_TESTS=require`).
pub fn browser() -> Option<(PathBuf, PathBuf)> {
    let chromium = which(&["chromium", "chromium-browser", "google-chrome"]);
    let driver = which(&["chromedriver"]);
    match (chromium, driver) {
        (Some(c), Some(d)) => Some((c, d)),
        (c, d) => {
            let missing: Vec<&str> = [(c.is_none(), "chromium"), (d.is_none(), "chromedriver")]
                .into_iter()
                .filter_map(|(m, n)| m.then_some(n))
                .collect();
            let message = format!(
                "{} not found; install the Debian packages chromium and chromium-driver \
                 (apt-get install chromium chromium-driver)",
                missing.join(" and ")
            );
            if std::env::var("EDITIONS_BROWSER_TESTS").is_ok_and(|v| v == "require") {
                panic!("the browser test must run (EDITIONS_BROWSER_TESTS=require), but {message}");
            }
            eprintln!("browser test skipped: {message}");
            None
        }
    }
}

/// A chromedriver process, ended when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start(path: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "chromedriver did not listen on {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A WebDriver session on headless Chromium with a fresh profile.
async fn session(driver: &Driver, chromium: &Path, profile: &Path) -> Client {
    let mut args: Vec<String> = FLAGS.iter().map(|s| s.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert("goog:chromeOptions".into(), json!({"binary": chromium, "args": args}));
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a WebDriver session")
}

async fn eval(client: &Client, script: &str) -> Value {
    client.execute(script, Vec::new()).await.unwrap_or_else(|e| panic!("{script}: {e}"))
}

/// The page's script ran and recorded no error.
async fn assert_no_script_error(client: &Client, what: &str) {
    let state = eval(
        client,
        "return [document.documentElement.getAttribute('data-script'), \
                 document.documentElement.getAttribute('data-script-errors')]",
    )
    .await;
    assert_eq!(state, json!(["ready", null]), "{what}: the page's script");
}

/// Whether the element with `id` is shown and its top inside the window.
async fn in_view(client: &Client, id: &str) -> bool {
    let script = format!(
        "var e = document.getElementById({}); if (!e) return false; var r = e.getBoundingClientRect(); \
         return e.getClientRects().length > 0 && r.top >= -2 && r.top < window.innerHeight;",
        json!(id)
    );
    eval(client, &script).await == json!(true)
}

async fn hash(client: &Client) -> String {
    eval(client, "return location.hash").await.as_str().unwrap().to_string()
}

/// Saves a screenshot and checks it is no blank page: most pixels are the
/// background, but enough differ and there are many colours (text, marks).
async fn screenshot(client: &Client, name: &str) -> PathBuf {
    let png = client.screenshot().await.unwrap();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, &png).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels: Vec<&[u8]> = buf[..info.buffer_size()].chunks(channels).map(|p| &p[..3]).collect();
    let mut counts = std::collections::HashMap::new();
    for p in &pixels {
        *counts.entry(*p).or_insert(0usize) += 1;
    }
    let background = counts.values().max().copied().unwrap_or(0);
    let other = pixels.len() - background;
    assert!(
        other * 50 > pixels.len() && counts.len() > 20,
        "{name}: blank screenshot ({other} of {} pixels differ from the background, {} colours); {}",
        pixels.len(),
        counts.len(),
        path.display()
    );
    path
}

async fn press(client: &Client, key: char) {
    let keys =
        KeyActions::new("keyboard".into()).then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
    client.perform_actions(keys).await.unwrap();
}

async fn click(client: &Client, css: &str) {
    client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}")).click().await.unwrap();
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn the_report_works_in_chromium() {
    let Some((chromium, driver_path)) = browser() else { return };
    let dir = tempfile::tempdir().unwrap();
    // CA/B 2.2.1 → 2.2.6: headings, moves, splits, collapsed runs.
    let cmp = compare(
        &edition_path("cabf-baseline-requirements/2025-12-16_v2.2.1.txt"),
        &edition_path("cabf-baseline-requirements/2026-04-01_v2.2.6.txt"),
    );
    let report = dir.path().join("cabf.html");
    std::fs::write(&report, page(&cmp)).unwrap();
    let expected = json_changes(&cmp);
    let first_changed = cmp.changes.iter().position(|c| c.kind != editions::model::ChangeKind::Unchanged).unwrap();
    let ids: Vec<String> = cmp
        .changes
        .iter()
        .map(|c| match c.new.first() {
            Some(&n) => format!("p-{}", cmp.new.paragraphs[n].label),
            None => format!("o-{}", cmp.old.paragraphs[c.old[0]].label),
        })
        .collect();
    // An unchanged paragraph inside a collapsed run (not the first of a section).
    let collapsed = (1..cmp.changes.len())
        .find(|&i| {
            cmp.changes[i].kind == editions::model::ChangeKind::Unchanged
                && cmp.changes[i - 1].kind == editions::model::ChangeKind::Unchanged
        })
        .unwrap();
    let moved = cmp.changes.iter().position(|c| c.kind == editions::model::ChangeKind::Moved).unwrap();
    let moved_old = cmp.old.paragraphs[cmp.changes[moved].old[0]].label.clone();

    let driver = Driver::start(&driver_path);
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let client = session(&driver, &chromium, &dir.path().join("profile")).await;
        client.goto(&url(&report)).await.unwrap();
        assert_no_script_error(&client, "load").await;

        // The data- contract, as the browser sees the page.
        let seen = eval(
            &client,
            "return Array.from(document.querySelectorAll('[data-kind]')).map(e => \
             [e.dataset.kind, e.dataset.old.split(' ').filter(x => x), e.dataset.new.split(' ').filter(x => x)])",
        )
        .await;
        let expected_json: Value = expected.iter().map(|(k, o, n)| json!([k, o, n])).collect();
        assert_eq!(seen, expected_json, "the page's changes are the JSON contract's");
        let shots = [screenshot(&client, "inline").await];

        // Side by side: the old column shows, deletions leave the new one.
        click(&client, "label[for=view-side]").await;
        let styles = eval(
            &client,
            "return [getComputedStyle(document.querySelector('.r > .o')).display, \
                     getComputedStyle(document.querySelector('.r > .n del')).display, \
                     getComputedStyle(document.querySelector('.r')).display]",
        )
        .await;
        assert_eq!(styles, json!(["block", "none", "grid"]));
        client.goto(&format!("{}#{}", url(&report), ids[first_changed])).await.unwrap();
        click(&client, "label[for=view-side]").await;
        let side = screenshot(&client, "side-by-side").await;
        click(&client, "label[for=view-inline]").await;
        let inline = eval(&client, "return getComputedStyle(document.querySelector('.r > .o')).display").await;
        assert_eq!(inline, json!("none"));

        // A filter: revised paragraphs hidden, the others not.
        click(&client, "label[for=f-revised]").await;
        let hidden = eval(
            &client,
            "return [Array.from(document.querySelectorAll('[data-kind=revised]')).every(e => e.getClientRects().length == 0), \
                     Array.from(document.querySelectorAll('[data-kind=moved]')).some(e => e.getClientRects().length > 0)]",
        )
        .await;
        assert_eq!(hidden, json!([true, true]));
        click(&client, "label[for=f-revised]").await;

        // A moved paragraph links to where it came from, and back.
        client.goto(&format!("{}#{}", url(&report), ids[moved])).await.unwrap();
        assert!(in_view(&client, &ids[moved]).await);
        click(&client, &format!("[id=\"{}\"] a.from", ids[moved])).await;
        assert_eq!(hash(&client).await, format!("#was-{moved_old}"));
        assert!(in_view(&client, &format!("was-{moved_old}")).await, "the old place is shown");
        click(&client, &format!("[id=\"was-{moved_old}\"] a.to")).await;
        assert_eq!(hash(&client).await, format!("#{}", ids[moved]));
        assert!(in_view(&client, &ids[moved]).await, "the new place is shown");

        // n and p from the top of a fresh page.
        client.goto(&url(&report)).await.unwrap();
        press(&client, 'n').await;
        assert_eq!(hash(&client).await, format!("#{}", ids[first_changed]), "n: the first change");
        assert!(in_view(&client, &ids[first_changed]).await);
        let second = (first_changed + 1..cmp.changes.len())
            .find(|&i| cmp.changes[i].kind != editions::model::ChangeKind::Unchanged)
            .unwrap();
        press(&client, 'n').await;
        assert_eq!(hash(&client).await, format!("#{}", ids[second]), "n again: the second");
        assert!(in_view(&client, &ids[second]).await);
        press(&client, 'p').await;
        assert_eq!(hash(&client).await, format!("#{}", ids[first_changed]), "p: back to the first");
        let current = eval(&client, "return document.querySelectorAll('.chg.cur').length").await;
        assert_eq!(current, json!(1));

        // The address opens a paragraph inside a collapsed run.
        client.goto(&format!("{}#{}", url(&report), ids[collapsed])).await.unwrap();
        assert!(in_view(&client, &ids[collapsed]).await, "#{} opens its run", ids[collapsed]);
        let open = eval(
            &client,
            &format!("return document.getElementById({}).closest('details').open", json!(ids[collapsed])),
        )
        .await;
        assert_eq!(open, json!(true));
        assert_no_script_error(&client, "after the actions").await;

        // A dark scheme follows prefers-color-scheme.
        let dark = eval(&client, "return window.matchMedia('(prefers-color-scheme: dark)').matches").await;
        let background = eval(&client, "return getComputedStyle(document.documentElement).backgroundColor").await;
        assert_eq!(background == json!("rgb(255, 255, 255)"), dark == json!(false), "{background} {dark}");

        // Hostile text stays text: no script of it runs.
        let hostile_dir = dir.path().join("hostile");
        std::fs::create_dir(&hostile_dir).unwrap();
        let old = hostile_dir.join("2020-01-01.txt");
        let new = hostile_dir.join("2021-01-01.txt");
        std::fs::write(&old, "A paragraph.\n\n<img src=x onerror=\"window.pwned=1\"> and </style><script>window.pwned=2</script>\n")
            .unwrap();
        std::fs::write(&new, "A paragraph.\n\n<img src=y onerror=\"window.pwned=3\"> and </style><script>window.pwned=4</script> more\n")
            .unwrap();
        let hostile = hostile_dir.join("hostile.html");
        std::fs::write(&hostile, page(&compare(&old, &new))).unwrap();
        client.goto(&url(&hostile)).await.unwrap();
        assert_no_script_error(&client, "hostile").await;
        let result = eval(
            &client,
            "return [typeof window.pwned, document.images.length, document.querySelector('main').textContent.includes('<script>window.pwned=4</script>')]",
        )
        .await;
        assert_eq!(result, json!(["undefined", 0, true]));

        // The commitment timeline page.
        let series = dir.path().join("fomc");
        std::fs::create_dir(&series).unwrap();
        for f in crate::series("fomc-statements").iter().filter(|p| p.to_string_lossy().contains("/2009-")) {
            std::fs::copy(f, series.join(f.file_name().unwrap())).unwrap();
        }
        let timeline = dir.path().join("timeline.html");
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_editions"))
            .args(["commitments", "--timeline", "--format", "html", "-o"])
            .arg(&timeline)
            .arg(&series)
            .status()
            .unwrap();
        assert!(status.success());
        client.goto(&url(&timeline)).await.unwrap();
        assert_no_script_error(&client, "timeline").await;
        let timeline_shot = screenshot(&client, "timeline").await;

        // The blame page of the 2009 statements' newest: no script error, a sentence per
        // element of its contract, `n` to the first sentence new in it, a fold that opens.
        let blame = dir.path().join("blame.html");
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_editions"))
            .args(["blame", "--format", "html", "-o"])
            .arg(&blame)
            .arg(&series)
            .status()
            .unwrap();
        assert!(status.success());
        let expected = crate::blame_html::page_sentences(&std::fs::read_to_string(&blame).unwrap());
        client.goto(&url(&blame)).await.unwrap();
        assert_no_script_error(&client, "blame").await;
        let seen = eval(
            &client,
            "return Array.from(document.querySelectorAll('[data-since]')).map(e =>              [e.dataset.paragraph, e.dataset.since, e.querySelector('.tx').innerText])",
        )
        .await;
        let expected_json: Value = expected.iter().map(|(p, s, t)| json!([p, s, t])).collect();
        assert_eq!(seen, expected_json, "the page's sentences are its contract's");
        press(&client, 'n').await;
        let first_new = eval(&client, "return document.querySelector('.bs.a0').id").await;
        assert_eq!(hash(&client).await, format!("#{}", first_new.as_str().unwrap()), "n: the first new sentence");
        click(&client, "details.prov > summary").await;
        let open = eval(&client, "return document.querySelector('details.prov').open").await;
        assert_eq!(open, json!(true));
        assert_no_script_error(&client, "blame, after the actions").await;
        client.goto(&url(&blame)).await.unwrap();
        let blame_shot = screenshot(&client, "blame").await;

        client.close().await.unwrap();
        eprintln!(
            "screenshots: {}, {}, {}, {}",
            shots[0].display(),
            side.display(),
            timeline_shot.display(),
            blame_shot.display()
        );
    });
}
