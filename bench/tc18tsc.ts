import { benchAgainstTsc } from "./check/tscBench";
const [dir, runs] = process.argv.slice(2);
benchAgainstTsc(dir!, { rounds: { warmups: 0, runs: Number(runs ?? 2) }, log: console.error }).then((f) => {
  const s = (n: keyof typeof f.sides) => `${n}: wall ${f.sides[n].wallMs.samplesMs.map((x) => Math.round(x)).join(",")} cpu ${f.sides[n].cpuMs.samplesMs.map((x) => Math.round(x)).join(",")} peak ${Math.round(f.sides[n].peakMiB)}`;
  console.log([s("check"), s("tsc"), s("checkTranspile")].join("\n"));
  console.log("check/tsc wall", f.checkVsTsc.wallMs.ratio.toFixed(3), "cpu", f.checkVsTsc.cpuMs.ratio.toFixed(3), "slower", f.checkVsSlowerPart.toFixed(3));
});
