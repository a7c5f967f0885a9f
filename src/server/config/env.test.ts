import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.ts";

describe(parseEnv, () => {
  it("defaults to the embedded database in ./data on port 3000", () => {
    const env = parseEnv({}, "/srv/sector");
    expect(env).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      dataDir: "/srv/sector/data",
      logLevel: "info",
    });
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }, "/").databaseUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: "70000" }, "PORT"],
    [{ PORT: "abc" }, "PORT"],
    [{ DATABASE_URL: "mysql://localhost/db" }, "DATABASE_URL"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("rejects %o naming %s", (source, name) => {
    expect(() => parseEnv(source, "/")).toThrowError(EnvError);
    expect(() => parseEnv(source, "/")).toThrowError(new RegExp(`${name}:`));
  });

  it("lists every invalid variable at once", () => {
    expect(() => parseEnv({ PORT: "-1", LOG_LEVEL: "loud" }, "/")).toThrowError(/PORT:[\s\S]*LOG_LEVEL:/);
  });
});
