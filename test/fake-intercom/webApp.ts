// A stand-in for Intercom's web app, which the fake does not have: where the sandbox's links
// ("Open Workspace in Browser", "Open Developer Hub") land, saying what the real one would show.
// The script only reads its own address; nothing external loads.
export const WEB_APP_PREFIX = '/a/';

export const WEB_APP_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fake Intercom – web app</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem">
<h1>Fake Intercom</h1>
<p>This sandbox has no web app. With real Intercom this link opens <code id="path"></code> on app.intercom.com
(or your region's host).</p>
<script>document.getElementById('path').textContent = location.pathname;</script>
</body></html>
`;
