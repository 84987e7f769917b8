#!/usr/bin/env bash
# Adds a migration for both providers from the one model: Data/add-migration.sh <Name>
# Run from anywhere; needs the dotnet-ef tool (dotnet tool restore).
set -euo pipefail
name=${1:?usage: add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
export COBAN_EF_DESIGN=true
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --context SqliteCoBanDbContext --output-dir Data/Migrations/Sqlite
dotnet ef migrations add "$name" --context PostgresCoBanDbContext --output-dir Data/Migrations/Postgres
