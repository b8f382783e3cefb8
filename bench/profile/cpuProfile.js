// Records a CPU profile of the process it is loaded into (`node --require bench/profile/cpuProfile.js`), from
// load to exit, into the folder $BENCH_CPU_PROFILE_DIR as <role>-<pid>.cpuprofile (open it in Chrome DevTools or
// summarize it with bench/profile/summarize.ts). JavaScript, not TypeScript: policy packs and check's children
// load it through NODE_OPTIONS before ts-node exists. `node --cpu-prof` cannot be set through NODE_OPTIONS.
"use strict";
const fs = require("fs");
const inspector = require("inspector");
const path = require("path");

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // An in-process session answers synchronously, so this works in an "exit" handler too.
    session.post("Profiler.stop", (err, result) => {
      if (err) return;
      const role = path.basename(process.argv[1] || "node").replace(/\W+/g, "-");
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${role}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on("exit", write);
  // Packs are stopped with SIGTERM: write the profile, then exit as the signal would have.
  process.once("SIGTERM", () => {
    write();
    process.exit(143);
  });
}
