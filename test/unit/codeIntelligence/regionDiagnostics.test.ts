import assert from 'node:assert/strict';
import { analyze, applyFix, flagged, only } from './documents';

const region = (file: string, text: string, where: 'eu' | 'au' | 'us' = 'eu') => flagged(text, analyze(file, text, { region: where }), 'intercom.region-host');

suite('code analysis: region diagnostics', () => {
  test('a workspace in Europe: information on the US host, and a quick fix to the region\'s host', () => {
    const text = "await fetch('https://api.intercom.io/contacts', { method: 'GET' });\n";
    const d = only(analyze('app.ts', text, { region: 'eu' }), 'intercom.region-host');
    assert.equal(d.severity, 'information');
    assert.equal(d.message, 'The connected workspace is hosted in Europe: its REST API is api.eu.intercom.io, and this names the US host.');
    assert.equal(applyFix(text, d.fixes[0]), "await fetch('https://api.eu.intercom.io/contacts', { method: 'GET' });\n");
    assert.match(d.reason, /#regions-in-the-code$/);
    const au = only(analyze('app.ts', text, { region: 'au' }), 'intercom.region-host');
    assert.equal(applyFix(text, au.fixes[0]), "await fetch('https://api.au.intercom.io/contacts', { method: 'GET' });\n");
  });

  test('each language\'s URL literal; beside an environment read for something else', () => {
    assert.deepEqual(region('app.py', 'r = requests.get(f"https://api.intercom.io/conversations/{cid}", headers=h)\n'), ['api.intercom.io']);
    assert.deepEqual(region('app.rb', 'uri = URI.parse("https://api.intercom.io/conversations")\n'), ['api.intercom.io']);
    assert.deepEqual(region('app.php', "<?php\nconst API_ROOT = 'https://api.intercom.io/';\n"), ['api.intercom.io']);
    assert.deepEqual(region('app.py', 'class Api:\n    base: str = "https://api.intercom.io"\n'), ['api.intercom.io'], 'a plain class field is no setting');
    assert.deepEqual(region('app.py', '@cache\nclass Api:\n    base: str = "https://api.intercom.io"\n'), ['api.intercom.io'], 'another decorator');
    assert.deepEqual(region('app.py', 'TOKEN = os.getenv("INTERCOM_TOKEN")\nBASE = "https://api.intercom.io"\n'), ['api.intercom.io'], 'an environment read on the line above is another statement');
    assert.deepEqual(region('app.go', 'package main\n// intercom\nvar token = os.Getenv("T")\nvar base = "https://api.intercom.io"\n'), ['api.intercom.io'], 'Go: the same');
    assert.deepEqual(region('main.go', 'package main\n// intercom\nvar url = "https://api.intercom.io/admins"\n'), ['api.intercom.io']);
    // The environment read for something else: the token in the call's options, a sibling property.
    assert.deepEqual(region('a.js', "fetch('https://api.intercom.io/admins', { headers: { Authorization: `Bearer ${process.env.INTERCOM_TOKEN}` } });\n"), ['api.intercom.io']);
    assert.deepEqual(region('a.js', "module.exports = {\n  intercom: {\n    token: process.env.INTERCOM_TOKEN,\n    baseUrl: 'https://api.intercom.io',\n  },\n};\n"), ['api.intercom.io']);
  });

  test('not flagged: a US workspace or none, OAuth\'s endpoints, a default a setting overrides, code choosing a region, test code, prose', () => {
    const call = "fetch('https://api.intercom.io/admins');\n";
    assert.deepEqual(region('a.js', call, 'us'), []);
    assert.deepEqual(flagged(call, analyze('a.js', call), 'intercom.region-host'), [], 'no workspace connected');
    assert.deepEqual(region('a.js', "fetch('https://api.intercom.io/auth/eagle/token', { method: 'POST' });\n"), []);
    assert.deepEqual(region('a.js', "const oauth = { tokenHost: 'https://api.intercom.io', tokenPath: '/auth/eagle/token' }; // intercom\n"), []);
    assert.deepEqual(region('a.js', "const base = process.env.INTERCOM_URL ?? 'https://api.intercom.io';\n"), []);
    assert.deepEqual(region('a.ts', "const base = INTERCOM_API_BASE || 'https://api.intercom.io';\n"), []);
    assert.deepEqual(region('a.py', 'base_url: str = Field("https://api.intercom.io", env="INTERCOM_BASE_URL")\n'), []);
    assert.deepEqual(region('a.py', 'base = (os.getenv("INTERCOM_BASE") or\n        "https://api.intercom.io")\n'), [], 'a line that goes on');
    assert.deepEqual(region('a.py', 'BASE = os.getenv("INTERCOM_BASE", "https://api.intercom.io")\n'), []);
    assert.deepEqual(region('a.rb', "BASE = ENV.fetch('INTERCOM_BASE', 'https://api.intercom.io')\n"), []);
    // The old Messenger's script, loaded by a page from the host: no REST call, and no request for the scan either.
    const script = "<?php\nfunction intercomio_page_build() {\n  $js = \"s.src = 'https://api.intercom.io/api/js/library.js';\";\n}\n";
    assert.deepEqual(region('intercomio.php', script), []);
    assert.deepEqual(analyze('intercomio.php', script).callSites, []);
    assert.deepEqual(region('a.php', "<?php\nreturn ['intercom' => ['url' => env('INTERCOM_URL', 'https://api.intercom.io')]];\n"), []);
    assert.deepEqual(region('a.py', 'class AppConfig(BaseSettings):\n    """Settings."""\n\n    intercom_api_base: str = "https://api.intercom.io"\n'), []);
    assert.deepEqual(region('a.py', '@dataclass\nclass Config:\n    # Intercom API settings\n    intercom_api_base_url: str = "https://api.intercom.io"\n'), []);
    assert.deepEqual(region('a.py', '@attrs.define(frozen=True)\n@other\nclass Api:\n    base: str = "https://api.intercom.io"\n'), []);
    assert.deepEqual(region('a.py', 'class Api(BaseModel):\n    base: str = "https://api.intercom.io"\n'), []);
    assert.deepEqual(region('a.go', 'package main\n// intercom\nconst DEFAULT_INTERCOM_BASE_URL = "https://api.intercom.io"\n'), []);
    assert.deepEqual(region('a.py', 'class IntercomClient:\n    def __init__(\n        self,\n        base: str = "https://api.intercom.io",\n    ) -> None:\n'), []);
    assert.deepEqual(region('a.js', "const HOSTS = { us: 'https://api.intercom.io', eu: 'https://api.eu.intercom.io' };\n"), []);
    assert.deepEqual(region('test/api.test.js', "nock('https://api.intercom.io').get('/admins').reply(200);\n"), []);
    assert.deepEqual(region('a.py', 'def f():\n    """Lists admins: requests.get("https://api.intercom.io/admins")."""\n'), []);
    assert.deepEqual(region('a.py', 'HELP = "Lists admins: a GET request to `https://api.intercom.io/admins`"\n'), []);
    assert.deepEqual(region('a.js', "const help = 'Send a GET to https://api.intercom.io/admins';\n"), []);
    assert.deepEqual(region('a.js', "const help = 'https://api.intercom.io/admins lists the admins';\n"), []);
  });
});
