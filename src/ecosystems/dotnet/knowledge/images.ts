// Which images build and run a .NET app. Sources:
// - repositories and tags: https://github.com/dotnet/dotnet-docker/blob/main/README.md (sdk, aspnet,
//   runtime, runtime-deps on mcr.microsoft.com/dotnet/), variants `-noble-chiseled`,
//   `-noble-chiseled-extra`, `-alpine`, `-bookworm-slim` (8.0, 9.0) and `-noble`.
// - chiseled: https://github.com/dotnet/dotnet-docker/blob/main/documentation/ubuntu-chiseled.md: no
//   shell, no package manager, runs as the non-root `app` user (APP_UID 1654); no ICU and no tzdata
//   (globalization-invariant mode) unless `-extra`, which adds both. The image definitions themselves:
//   https://github.com/dotnet/dotnet-docker/blob/main/src/runtime-deps/10.0/noble-chiseled/amd64/Dockerfile
//   (users root and app 1654 in /etc/passwd and /etc/group, ca-certificates, libc6, libgcc, libssl3,
//   libstdc++; ENV APP_UID=1654, ASPNETCORE_HTTP_PORTS=8080, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true;
//   USER $APP_UID) and src/runtime/10.0/noble-chiseled/amd64/Dockerfile (/usr/bin/dotnet, ENTRYPOINT
//   ["/usr/bin/dotnet"], which the generated ENTRYPOINT replaces).
// - the port: since .NET 8 every image sets ASPNETCORE_HTTP_PORTS=8080
//   (https://learn.microsoft.com/en-us/dotnet/core/compatibility/containers/8.0/aspnet-port), and
//   the `app` user with uid 1654 exists in every image
//   (https://learn.microsoft.com/en-us/dotnet/core/compatibility/containers/8.0/app-user).
// - sizes for a minimal API (compressed, 10.0, November 2025):
//   https://github.com/dotnet/dotnet-docker/blob/main/documentation/sample-image-size-report.md

export const DOTNET_VERSION_ARG = 'DOTNET_VERSION';
/** The ARG for an exact SDK that global.json pins (only when its rollForward needs that band). */
export const DOTNET_SDK_VERSION_ARG = 'DOTNET_SDK_VERSION';
/** The `app` user of every Microsoft .NET image (APP_UID). */
export const APP_UID = 1654;

export const MCR = 'mcr.microsoft.com/dotnet';

/** What the final image holds: the ASP.NET Core runtime, the .NET runtime, or only its OS dependencies (self-contained, AOT). */
export type RuntimeRepo = 'aspnet' | 'runtime' | 'runtime-deps';

export const dotnetImages = {
  sdk: (tag: string) => `${MCR}/sdk:${tag}`,
  sdkAlpine: (v: string) => `${MCR}/sdk:${v}-alpine`,
  chiseled: (repo: RuntimeRepo, v: string, extra: boolean) => `${MCR}/${repo}:${v}-noble-chiseled${extra ? '-extra' : ''}`,
  alpine: (repo: RuntimeRepo, v: string) => `${MCR}/${repo}:${v}-alpine`,
  fullOs: (repo: RuntimeRepo, v: string, os: string) => `${MCR}/${repo}:${v}-${os}`,
};

/** Compressed sizes of a minimal API, MB (sample-image-size-report.md, .NET 10, 2025-11). */
export const MINIMAL_API_SIZES = {
  aspnet: 92.5,
  aspnetChiseled: 52.8,
  trimmedChiseled: 21.9,
  aotChiseled: 11.6,
  aotAlpine: 10.7,
};

/**
 * Native AOT needs clang and zlib in the builder
 * (https://learn.microsoft.com/en-us/dotnet/core/deploying/native-aot/#prerequisites).
 */
export const AOT_BUILD_PACKAGES = { debian: ['clang', 'zlib1g-dev'], alpine: ['build-base', 'clang', 'zlib-dev'] };
