#!/usr/bin/env bash
# Regenerates every service's compiled EF Core models, one per provider (Data/CompiledModels/Sqlite and
# Data/CompiledModels/PostgreSql), after a change to a model. Needs `dotnet tool restore` once and a
# PostgreSQL the design-time model can connect to (nothing is created or changed there):
#   MASH_DESIGN_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres" tools/scripts/compile-models.sh [Service ...]
# The tests fail while a compiled model differs from its context's model (DatabaseProviderTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
postgres="${MASH_DESIGN_POSTGRES:-Host=127.0.0.1;Port=5432;Username=postgres}"
declare -A databases=(
  [Referral]=referral [Assessment]=assessment [StrategyDiscussion]=strategy
  [Offender]=offender [Custody]=custody [Investigation]=investigation)
services=("$@")
[ ${#services[@]} -gt 0 ] || services=(Referral Assessment StrategyDiscussion Offender Custody Investigation)

for service in "${services[@]}"; do
  database="${databases[$service]:?unknown service $service}"
  folder="services/Mash.$service"
  for provider in Sqlite PostgreSql; do
    out="Data/CompiledModels/$provider"
    rm -rf "${folder:?}/$out"
    if [ "$provider" = PostgreSql ]; then
      export Mash__Database__Provider=PostgreSql "ConnectionStrings__$database=$postgres;Database=design_$database"
    else
      unset Mash__Database__Provider "ConnectionStrings__$database"
    fi
    echo "Mash.$service: $provider"
    (cd "$folder" && dotnet ef dbcontext optimize --output-dir "$out" --namespace "Mash.$service.Data.CompiledModels.$provider" > /dev/null)
    # Both providers' models live in one assembly: neither may be found by the attribute EF Core would
    # follow for every context of the type. CompiledModels picks one by the provider in use.
    rm "$folder/$out/"*AssemblyAttributes.cs
  done
done
