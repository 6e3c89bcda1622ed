# cpslint in a container, built from Debian 12:
#   docker build -t cpslint .
#   docker run --rm -v "$PWD:/work" cpslint CPS.md
# The build stage compiles with the -dev packages; the run stage has only
# the shared libraries, pdftotext (PDF input) and git (history --git).
FROM debian:12 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential pkg-config libxml2-dev \
      libicu-dev libpcre2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Makefile ./
COPY src ./src
COPY rulesets ./rulesets
COPY docs/cpslint.1 ./docs/cpslint.1
COPY completions ./completions
RUN make -j"$(nproc)" && make install PREFIX=/usr/local DESTDIR=/out

FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libxml2 libicu72 libpcre2-8-0 \
      libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 poppler-utils git \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/usr/local /usr/local
WORKDIR /work
ENTRYPOINT ["cpslint"]
