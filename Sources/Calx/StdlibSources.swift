// Generated from Stdlib/ by StdlibEmbeddingTests: do not edit.
// After changing Stdlib/, run `swift test --filter StdlibEmbedding` once to refresh it.

enum StdlibSources {
    static let files: [String: String] = [
        "carbon": #####"""
# The carbon footprint of computation (models.md §6), after Green Algorithms:
# Lannelongue, Grealey, Inouye, "Green Algorithms: Quantifying the Carbon Footprint of
# Computation", Advanced Science 8(12):2100707 (2021). The reference tables (processors,
# carbon intensity, PUE, equivalences) are the project's data version 3.0, under CC BY 4.0:
# see Stdlib/carbon/data.calx and Stdlib/carbon/SOURCE.md for the attribution.
#
#   P_cores  = PUE · (n_cores · P_core · u_core + n_GPUs · P_GPU · u_GPU)
#   P_memory = PUE · memory · 0.3725 W/GB
#   E        = runtime · (P_cores + P_memory) · runs
#   CO2e     = E · CI                    (CO2e is a mass: 1 kg here means 1 kg CO2e)
#
# The tables: cpu_tdp, gpu_tdp, locations, provider_pue, datacentres, reference_values,
# peak_bf16 and data_version. Every name argument (cpu, gpu, location, provider,
# datacentre) must match a row exactly; a near miss gets a "did you mean" list.
use core/math
use core/vectors
use core/text
use core/tables
use carbon/data

# Checks that x is a quantity of dimension `dim`, not negative; `example` shows a good value.
fn carbon_check_quantity(what, x, dim, example) {
    if type_of(x) != "quantity" or dimension_of(x) != dim {
        d = dimension_of(x)
        if d == "1" { d = "a plain number" }
        error("{what} must have the dimension {dim}, like {example}; got {x} ({d})")
    }
    if not (x >= 0 * x) { error("{what} must not be negative, got {x}") }
    x
}
# Checks that x is a plain number that is not negative (a count); 50 % reads as 0.5.
fn carbon_check_count(what, x) {
    if type_of(x) == "quantity" and dimension_of(x) == "1" { x = x * 1 }
    if type_of(x) != "number" { error("{what} must be a plain number, got {x} ({dimension_of(x)})") }
    if not (x >= 0) { error("{what} must not be negative, got {x}") }
    x
}
# Checks that a usage factor is a share in [0, 1]; 50 % reads as 0.5.
fn carbon_check_usage(what, x) {
    if type_of(x) == "quantity" and dimension_of(x) == "1" { x = x * 1 }
    if type_of(x) != "number" { error("{what} must be a share of the time the processors are busy, in [0, 1]; got {x} ({dimension_of(x)})") }
    if not (x >= 0 and x <= 1) { error("{what} must be in [0, 1] (the share of the time the processors are busy), got {x}") }
    x
}
# Checks a power usage effectiveness: a plain number ≥ 1.
fn carbon_check_pue(x) {
    if type_of(x) == "quantity" and dimension_of(x) == "1" { x = x * 1 }
    if type_of(x) != "number" { error("pue must be a plain number ≥ 1, got {x} ({dimension_of(x)})") }
    if not (x >= 1) { error("pue must be at least 1 (the facility draws at least what the computers draw), got {x}") }
    x
}
# "; did you mean "a", "b" or "c"?" for a mistyped name, or "" when nothing is near.
fn carbon_did_you_mean(name, candidates) {
    s = suggest(name, candidates)
    if len(s) == 0 { return "" }
    quoted = map(s, n => "\"{n}\"")
    if len(quoted) == 1 { return "; did you mean {quoted[0]}?" }
    head = reduce(quoted[0..<(len(quoted) - 1)], (a, b) => "{a}, {b}")
    "; did you mean {head} or {quoted[-1]}?"
}
# The row of `among` whose `column` is `name`, or an error naming the table to look in.
fn carbon_lookup(kind, name, among, column, table_name) {
    if type_of(name) != "string" { error("{kind} must be a name in {table_name}.{column}, got {name} ({type_of(name)})") }
    found = among[among[column] == name]
    if len(found) == 0 {
        error("unknown {kind} \"{name}\"{carbon_did_you_mean(name, among[column])} (the names are in {table_name}.{column})")
    }
    found[0]
}

## The power per core of a processor in cpu_tdp (TDP / cores, in W); "Any" is 12 W.
## @example use carbon; cpu_power("Xeon E5-2683 v4")  # 7.5 W
fn cpu_power(name) = carbon_lookup("cpu", name, cpu_tdp, "model", "cpu_tdp").tdp_per_core

## The power of one accelerator in gpu_tdp (its TDP, in W); "Any" is 200 W.
## @example use carbon; gpu_power("NVIDIA A100 80GB PCIe")  # 300 W
fn gpu_power(name) = carbon_lookup("gpu", name, gpu_tdp, "model", "gpu_tdp").tdp

## The location code of `locations` for a code ("US", "US-CA"), a country ("France": its
## whole-country row) or a region ("California"), as the tables spell them.
## @example use carbon; location_code("California")  # "US-CA"
fn location_code(name) {
    if type_of(name) != "string" { error("location must be a location code like \"US\" or \"FR\", got {name} ({type_of(name)})") }
    if any(locations.location == name) { return name }
    whole = locations[locations.country == name and locations.region == "Any"]
    if len(whole) > 0 { return whole[0].location }
    regions = locations[locations.region == name]
    if len(regions) > 0 { return regions[0].location }
    names = concat(locations.location, unique(locations.country), unique(locations.region[locations.region != "Any"]))
    error("unknown location \"{name}\"{carbon_did_you_mean(name, names)} (the codes, countries and regions are in locations)")
}

## The carbon intensity of a location (a code of `locations` such as "WORLD", "US", "FR",
## "US-CA", or a country or region name), in g/kWh (gCO2e/kWh).
## @example use carbon; carbon_intensity("WORLD")  # 475 g/kWh
fn carbon_intensity(location) {
    code = location_code(location)
    locations[locations.location == code][0].ci
}

# The row of provider_pue for a provider code ("aws") or full name ("Amazon Web Services").
fn carbon_provider(provider) {
    if type_of(provider) == "string" and any(provider_pue.name == provider) {
        return provider_pue[provider_pue.name == provider][0]
    }
    if type_of(provider) == "string" and not any(provider_pue.provider == provider) {
        names = concat(provider_pue.provider, provider_pue.name)
        error("unknown provider \"{provider}\"{carbon_did_you_mean(provider, names)} (the codes are in provider_pue.provider, the names in provider_pue.name)")
    }
    carbon_lookup("provider", provider, provider_pue, "provider", "provider_pue")
}

## The default PUE of a provider (code or full name, as in provider_pue); "Unknown" is 1.56.
## @example use carbon; provider_pue_of("aws")  # 1.2
fn provider_pue_of(provider) = carbon_provider(provider).pue

## The energy and carbon footprint of a computation, by the Green Algorithms method
## (Lannelongue et al. 2021, data v3.0). runtime is the wall-clock time; cores CPU cores of
## model `cpu` (or core_power per core), gpus accelerators of model `gpu` (or gpu_power each);
## usage_cpu, usage_gpu the busy share in [0, 1]; memory the memory requested; location a
## code of `locations` or a country or region name (default "WORLD", 475 g/kWh; a provider's
## datacentre gives its own), or ci a carbon intensity; pue, else the PUE of the datacentre,
## else of the provider (code or name), else 1.56 (unknown); runs identical runs.
## A record: power (W), energy, cpu_energy, gpu_energy, memory_energy (kWh), co2e (kg),
## tree_months, car_km (an EU car), flights (fractions of one passenger's flight Paris–Dublin,
## New York–San Francisco, New York–Melbourne), and the inputs used, with data_version.
## @example use carbon; round(footprint(runtime: 12 h, cores: 12, cpu: "Xeon E5-2683 v4", memory: 64 GB, pue: 1.56).energy, 6)  # 2.131085 kWh
fn footprint(runtime, cores = 0, cpu = "Any", core_power = nil, gpus = 0, gpu = nil, gpu_power = nil,
             usage_cpu = 1, usage_gpu = 1, memory = 0 GB, location = nil, ci = nil, pue = nil,
             provider = nil, datacentre = nil, runs = 1) {
    carbon_check_quantity("runtime", runtime, "Time", "12 h")
    cores = carbon_check_count("cores", cores)
    gpus = carbon_check_count("gpus", gpus)
    usage_cpu = carbon_check_usage("usage_cpu", usage_cpu)
    usage_gpu = carbon_check_usage("usage_gpu", usage_gpu)
    carbon_check_quantity("memory", memory, "Information", "64 GB")
    runs = carbon_check_count("runs", runs)
    if runs == 0 { error("runs must be at least 1, got 0") }

    # Processors: the table's power, unless given.
    if type_of(core_power) == "nil" {
        p_core = carbon_lookup("cpu", cpu, cpu_tdp, "model", "cpu_tdp").tdp_per_core
        if cpu != "Any" and cores == 0 { error("cpu is \"{cpu}\" but cores is 0: give the number of cores used, like cores: 8") }
    } else {
        p_core = carbon_check_quantity("core_power", core_power, "Power", "10 W")
        if type_of(cpu) == "string" and cpu == "Any" { cpu = "custom" }
    }
    if type_of(gpu) != "nil" and gpus == 0 and type_of(gpu_power) == "nil" {
        error("gpu is \"{gpu}\" but gpus is 0: give the number of GPUs used, like gpus: 4")
    }
    if gpus == 0 and type_of(gpu) == "nil" and type_of(gpu_power) == "nil" {
        gpu = "none"
        p_gpu = 0 W
    } else if type_of(gpu_power) == "nil" {
        if type_of(gpu) == "nil" { gpu = "Any" }
        p_gpu = carbon_lookup("gpu", gpu, gpu_tdp, "model", "gpu_tdp").tdp
    } else {
        p_gpu = carbon_check_quantity("gpu_power", gpu_power, "Power", "700 W")
        if type_of(gpu) == "nil" { gpu = "custom" }
    }

    # Where: the data centre gives a location and maybe a PUE; the provider a default PUE.
    centre_pue = nan
    if type_of(datacentre) != "nil" {
        rows = datacentres
        if type_of(provider) != "nil" { rows = datacentres[datacentres.provider == carbon_provider(provider).provider] }
        if len(rows) == 0 { error("provider \"{provider}\" has no data centres in the tables; give location: instead") }
        centre = carbon_lookup("datacentre", datacentre, rows, "name", "datacentres")
        if type_of(provider) == "nil" { provider = centre.provider }
        if type_of(location) == "nil" { location = centre.location }
        else if location_code(location) != centre.location { error("datacentre \"{datacentre}\" is in \"{centre.location}\", not \"{location}\"") }
        centre_pue = centre.pue
    }
    if type_of(ci) == "nil" {
        if type_of(location) == "nil" { location = "WORLD" }
        location = location_code(location)
        ci = locations[locations.location == location][0].ci
    } else {
        carbon_check_quantity("ci", ci, "CarbonIntensity", "475 g/kWh")
        if type_of(location) == "nil" { location = "custom" } else { location = location_code(location) }
    }
    if type_of(pue) != "nil" { pue = carbon_check_pue(pue) }
    else if centre_pue == centre_pue { pue = centre_pue }
    else if type_of(provider) != "nil" { pue = carbon_provider(provider).pue }
    else { pue = provider_pue[provider_pue.provider == "Unknown"][0].pue }

    # The formulas.
    cpu_draw = pue * cores * p_core * usage_cpu -> W
    gpu_draw = pue * gpus * p_gpu * usage_gpu -> W
    memory_draw = pue * memory * reference_values.memory_power -> W
    power = cpu_draw + gpu_draw + memory_draw
    cpu_energy = runtime * cpu_draw * runs -> kWh
    gpu_energy = runtime * gpu_draw * runs -> kWh
    memory_energy = runtime * memory_draw * runs -> kWh
    energy = runtime * power * runs -> kWh
    co2e = energy * ci -> kg
    r = reference_values
    report("Carbon footprint ({data_version})", {power: power, energy: energy, co2e: co2e,
     cpu_energy: cpu_energy, gpu_energy: gpu_energy, memory_energy: memory_energy,
     tree_months: value_of(co2e, "g") / value_of(r.tree_year, "g") * 12,
     car_km: co2e / r.car_eu_per_km -> km,
     flights: {paris_dublin: value_of(co2e, "g") / value_of(r.flight_paris_dublin, "g"),
               new_york_san_francisco: value_of(co2e, "g") / value_of(r.flight_new_york_san_francisco, "g"),
               new_york_melbourne: value_of(co2e, "g") / value_of(r.flight_new_york_melbourne, "g")},
     runtime: runtime, runs: runs, cores: cores, cpu: cpu, core_power: p_core, gpus: gpus, gpu: gpu,
     gpu_power: p_gpu, memory: memory, location: location, ci: ci, pue: pue,
     data_version: data_version})
}

## The peak dense BF16 throughput of a GPU in peak_bf16 (TFLOP/s, vendor figures).
## @example use carbon; peak_flops("NVIDIA H100 SXM")  # 989 TFLOP/s
fn peak_flops(gpu) {
    if type_of(gpu) == "string" and not any(peak_bf16.model == gpu) {
        hint = carbon_did_you_mean(gpu, peak_bf16.model)
        if hint == "" { hint = "." }
        error("no peak throughput for gpu \"{gpu}\" in peak_bf16{hint} Give it as peak:, like peak: 312 TFLOP/s")
    }
    carbon_lookup("gpu", gpu, peak_bf16, "model", "peak_bf16").peak
}

## The wall-clock time of a training run of `flops` operations on `gpus` GPUs at model FLOPs
## utilisation mfu: FLOPs / (gpus · peak · mfu), in h; peak from peak_bf16 unless given.
## @example use carbon; training_time(989e15 * 3600 FLOP, gpu: "NVIDIA H100 SXM", gpus: 1, mfu: 1)  # 1000 h
fn training_time(flops, gpu = "NVIDIA H100 SXM", gpus = 8, mfu = 0.4, peak = nil) {
    if type_of(flops) == "number" { flops = flops * 1 FLOP }
    carbon_check_quantity("flops", flops, "Compute", "6e23 FLOP")
    if type_of(peak) == "nil" { peak = peak_flops(gpu) }
    else { carbon_check_quantity("peak", peak, "ComputeRate", "989 TFLOP/s") }
    gpus = carbon_check_count("gpus", gpus)
    if gpus == 0 { error("gpus must be at least 1, got 0") }
    if type_of(mfu) == "quantity" and dimension_of(mfu) == "1" { mfu = mfu * 1 }
    if type_of(mfu) != "number" or not (mfu > 0 and mfu <= 1) { error("mfu must be in (0, 1] (the share of peak throughput achieved), got {mfu}") }
    flops / (gpus * peak * mfu) -> h
}

## The footprint of a training run given its FLOPs (6 · parameters · tokens for a dense
## transformer): runtime = training_time(...), then footprint() with the GPUs' power.
## The record of footprint() plus flops, mfu, peak and gpu_hours.
## @example use carbon; training_footprint(989e15 * 3600 FLOP, gpu: "NVIDIA H100 SXM", gpus: 1, mfu: 1, pue: 1).energy  # 700 kWh
fn training_footprint(flops, gpu = "NVIDIA H100 SXM", gpus = 8, mfu = 0.4, peak = nil,
                      gpu_power = nil, usage_gpu = 1, cores = 0, cpu = "Any", memory = 0 GB,
                      location = nil, ci = nil, pue = nil, provider = nil, datacentre = nil, runs = 1) {
    if type_of(flops) == "number" { flops = flops * 1 FLOP }
    if type_of(peak) == "nil" { peak = peak_flops(gpu) }
    t = training_time(flops, gpu: gpu, gpus: gpus, mfu: mfu, peak: peak)
    f = footprint(t, cores: cores, cpu: cpu, gpus: gpus, gpu: gpu, gpu_power: gpu_power,
                  usage_gpu: usage_gpu, memory: memory, location: location, ci: ci, pue: pue,
                  provider: provider, datacentre: datacentre, runs: runs)
    # Calx has no record update, so the fields of f are copied.
    report("Training footprint ({data_version})", {power: f.power, energy: f.energy, co2e: f.co2e,
     cpu_energy: f.cpu_energy, gpu_energy: f.gpu_energy, memory_energy: f.memory_energy,
     tree_months: f.tree_months, car_km: f.car_km, flights: f.flights,
     flops: flops, mfu: mfu, peak: peak, gpu_hours: t * f.gpus -> h,
     runtime: f.runtime, runs: f.runs, cores: f.cores, cpu: f.cpu, core_power: f.core_power,
     gpus: f.gpus, gpu: f.gpu, gpu_power: f.gpu_power, memory: f.memory, location: f.location,
     ci: f.ci, pue: f.pue, data_version: f.data_version})
}

## The energy of a training run given its FLOPs, in kWh: training_footprint(...).energy.
## @example use carbon; training_energy(989e15 * 3600 FLOP, gpu: "NVIDIA H100 SXM", gpus: 1, mfu: 1, pue: 1.5)  # 1050 kWh
fn training_energy(flops, gpu = "NVIDIA H100 SXM", gpus = 8, mfu = 0.4, peak = nil, gpu_power = nil,
                   usage_gpu = 1, pue = nil, provider = nil, datacentre = nil) {
    training_footprint(flops, gpu: gpu, gpus: gpus, mfu: mfu, peak: peak, gpu_power: gpu_power,
                       usage_gpu: usage_gpu, pue: pue, provider: provider, datacentre: datacentre).energy
}

"""#####,
        "carbon/data": #####"""
# The Green Algorithms reference data, version 3.0, as Calx tables (used by `use carbon`).
#
# GENERATED by Stdlib/carbon/make_data.py from the CSV files of the `data/v3.0/` folder of
# GreenAlgorithms/green-algorithms-tool; do not edit by hand, run
#     python3 Stdlib/carbon/make_data.py PATH/TO/green-algorithms-v3.0
# Data licence: Creative Commons Attribution 4.0 International (CC BY 4.0).
# Attribution: Lannelongue, Grealey, Inouye, "Green Algorithms: Quantifying the Carbon
# Footprint of Computation", Advanced Science 8(12):2100707 (2021), and the Green
# Algorithms project (https://www.green-algorithms.org). See Stdlib/carbon/SOURCE.md.
# Changes: names are trimmed of spaces; a missing number is nan; datacentres without a
# location are left out; the GPUs whose `source` is "added by Calx from vendor datasheets" are
# not in the v3.0 tables (Calx additions, from the vendors' datasheets); peak_bf16 is a
# Calx addition (vendor figures, dense BF16 per GPU, models.md §7).

## The version of the Green Algorithms data these tables hold; every footprint names it.
data_version = "Green Algorithms v3.0"

## Processors (TDP_cpu.csv): the thermal design power of the chip (nan when the table has
## none), its cores and the TDP per core that footprint() uses. "Any" is the default.
cpu_tdp = table(
    model: [
        "A8-7680", "A9-9425 SoC", "AMD 7552", "AMD EPYC 7251",
        "AMD EPYC 7343", "AMD EPYC 7513", "AMD EPYC 7642", "AMD EPYC 7763",
        "AMD EPYC 7773X", "AMD EPYC 7H12", "AMD EPYC 7V73X", "Any",
        "Athlon 3000G", "Core 2 Quad Q6600", "Core i3-10100", "Core i3-10300",
        "Core i3-10320", "Core i3-10350K", "Core i3-9100", "Core i3-9100F",
        "Core i5-10400", "Core i5-10400F", "Core i5-10500", "Core i5-10600",
        "Core i5-10600K", "Core i5-1145G7", "Core i5-3570K", "Core i5-4460",
        "Core i5-9400", "Core i5-9400F", "Core i5-9600KF", "Core i7-10700",
        "Core i7-10700K", "Core i7-4790", "Core i7-4930K", "Core i7-6700K",
        "Core i7-8700K", "Core i7-9700F", "Core i7-9700K", "Core i9-10900K",
        "Core i9-10900KF", "Core i9-10900XE", "Core i9-10920XE", "Core i9-12900K",
        "Core i9-9900K", "FX-6300", "FX-8350", "Rasberry Pi 4",
        "Ryzen 3 2200G", "Ryzen 3 3200G", "Ryzen 3 3200U", "Ryzen 5 1600",
        "Ryzen 5 2600", "Ryzen 5 3400G", "Ryzen 5 3500U", "Ryzen 5 3600",
        "Ryzen 5 3600X", "Ryzen 7 2700X", "Ryzen 7 3700X", "Ryzen 7 3800X",
        "Ryzen 9 3900X", "Ryzen 9 3950X", "Ryzen Threadripper 2990WX", "Ryzen Threadripper 3990X",
        "Xeon E5-2650 v2", "Xeon E5-2660 v3", "Xeon E5-2665", "Xeon E5-2670",
        "Xeon E5-2670 v2", "Xeon E5-2680 v3", "Xeon E5-2683 v4", "Xeon E5-2690 v2",
        "Xeon E5-2690 v3", "Xeon E5-2695 v3", "Xeon E5-2695 v4", "Xeon E5-2697 v4",
        "Xeon E5-2699 v3", "Xeon E5-2699 v4", "Xeon E5-4610 v4", "Xeon E5-4620",
        "Xeon E5-4650L", "Xeon E7-4850 v2", "Xeon E7-8867 v3", "Xeon E7-8880 v4",
        "Xeon Gold 6142", "Xeon Gold 6148", "Xeon Gold 6248", "Xeon Gold 6252",
        "Xeon L5640", "Xeon Phi 5110P", "Xeon Platinum 8260", "Xeon Platinum 8268",
        "Xeon Platinum 9282", "Xeon X3430", "Xeon X5660"],
    tdp: [
        45, 15, 200, 120, 190, 200, 225, 280, 280, 280, 280, nan,
        35, 95, 65, 62, 91, 91, 65, 65, 65, 65, 65, 65,
        95, 28, 77, 84, 65, 65, 95, 65, 125, 84, 130, 95,
        95, 65, 95, 125, 105, 165, 165, 125, 95, 95, 125, 6.4,
        65, 65, 15, 65, 65, 65, 15, 65, 95, 105, 65, 105,
        125, 105, 250, 280, 95, 105, 115, 115, 115, 120, 120, 130,
        135, 120, 120, 145, 145, 145, 105, 95, 115, 105, 165, 150,
        150, 150, 150, 150, 60, 225, 165, 205, 400, 95, 95] W,
    cores: [
        4, 2, 48, 8, 16, 32, 48, 64, 64, 64, 64, nan,
        2, 4, 4, 4, 4, 4, 4, 4, 6, 6, 6, 6,
        6, 4, 4, 4, 6, 6, 6, 8, 8, 4, 6, 4,
        6, 8, 8, 10, 10, 10, 12, 16, 8, 6, 8, 4,
        4, 4, 2, 6, 6, 4, 4, 6, 6, 8, 8, 8,
        12, 16, 32, 64, 8, 10, 8, 8, 10, 12, 16, 10,
        12, 14, 18, 18, 18, 22, 10, 8, 8, 12, 16, 22,
        16, 20, 20, 24, 6, 60, 24, 24, 56, 4, 6],
    tdp_per_core: [
        11.3, 7.5, 4.2, 15, 11.9, 6.3, 4.7, 4.4, 4.4, 4.4, 4.4, 12,
        17.5, 23.8, 16.3, 15.5, 22.8, 22.8, 16.3, 16.3, 10.8, 10.8, 10.8, 10.8,
        15.8, 7, 19.3, 21, 10.8, 10.8, 15.8, 8.1, 15.6, 21, 21.7, 23.8,
        15.8, 8.1, 11.9, 12.5, 10.5, 16.5, 13.8, 7.8, 11.9, 15.8, 15.6, 1.6,
        16.3, 16.3, 7.5, 10.8, 10.8, 16.3, 3.8, 10.8, 15.8, 13.1, 8.1, 13.1,
        10.4, 6.6, 7.8, 4.4, 11.9, 10.5, 14.4, 14.4, 11.5, 10, 7.5, 13,
        11.3, 8.6, 6.7, 8.1, 8.1, 6.6, 10.5, 11.9, 14.4, 8.8, 10.3, 6.8,
        9.4, 7.5, 7.5, 6.3, 10, 3.8, 6.9, 8.5, 7.1, 23.8, 15.8] W)

## Accelerators (TDP_gpu.csv, per board; "Any" has the table's TDP_per_core, 200 W).
## The rows whose source is "added by Calx from vendor datasheets"
## (NVIDIA H100 SXM 700 W, NVIDIA H200 SXM 700 W, NVIDIA B200 1000 W) are Calx additions.
gpu_tdp = table(
    model: [
        "AMD RX480", "Any", "NVIDIA A100 40GB PCIe",
        "NVIDIA A100 80GB PCIe", "NVIDIA GTX 1080", "NVIDIA GTX 1080 Ti",
        "NVIDIA GTX TITAN X", "NVIDIA Jetson AGX Xavier", "NVIDIA RTX 2080",
        "NVIDIA RTX 2080 Ti", "NVIDIA Tesla K80", "NVIDIA Tesla P100",
        "NVIDIA Tesla P100 PCIe", "NVIDIA Tesla P4", "NVIDIA Tesla T4",
        "NVIDIA Tesla V100", "NVIDIA Tesla V100S", "NVIDIA Titan V",
        "NVIDIA TITAN X Pascal", "TPU v2", "TPU v3",
        "TPU v4", "NVIDIA H100 SXM", "NVIDIA H200 SXM",
        "NVIDIA B200"],
    tdp: [
        150, 200, 250, 300, 180, 250, 250, 30, 215, 250, 300, 250,
        250, 75, 70, 300, 250, 250, 250, 280, 220, 170, 700, 700,
        1000] W,
    source: [
        "Green Algorithms v3.0", "Green Algorithms v3.0",
        "Green Algorithms v3.0", "Green Algorithms v3.0",
        "Green Algorithms v3.0", "Green Algorithms v3.0",
        "Green Algorithms v3.0", "Green Algorithms v3.0",
        "Green Algorithms v3.0", "Green Algorithms v3.0",
        "Green Algorithms v3.0", "Green Algorithms v3.0",
        "Green Algorithms v3.0", "Green Algorithms v3.0",
        "Green Algorithms v3.0", "Green Algorithms v3.0",
        "Green Algorithms v3.0", "Green Algorithms v3.0",
        "Green Algorithms v3.0", "Green Algorithms v3.0",
        "Green Algorithms v3.0", "Green Algorithms v3.0",
        "added by Calx from vendor datasheets", "added by Calx from vendor datasheets",
        "added by Calx from vendor datasheets"])

## Peak dense BF16 throughput per GPU, for training_energy() (a Calx addition: vendor
## datasheets, as models.md §7; not part of the Green Algorithms data).
peak_bf16 = table(
    model: [
        "NVIDIA A100 40GB PCIe", "NVIDIA A100 80GB PCIe", "NVIDIA H100 SXM",
        "NVIDIA H200 SXM", "NVIDIA B200"],
    peak: [312, 312, 989, 989, 2250] TFLOP/s)

## Carbon intensity of electricity by location code (CI_aggregated.csv, gCO2e/kWh): WORLD,
## countries ("US", "FR") and regions ("US-CA", "CA-QC"); region is "Any" for a whole country.
locations = table(
    location: [
        "WORLD", "TW", "IL", "ZA", "CN", "CN-HK", "CN-HK2", "IN",
        "ID", "JP", "KR", "SA", "SG", "TH", "TR", "AE",
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE",
        "FI", "FR", "DE", "GR", "HU", "IS", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "NO", "PL", "PT",
        "RO", "RU", "RS", "SK", "SI", "ES", "SE", "CH",
        "GB", "CA", "CA-AB", "CA-BC", "CA-MT", "CA-NB", "CA-NL", "CA-NS",
        "CA-NT", "CA-NU", "CA-ON", "CA-PE", "CA-QC", "CA-SK", "CA-YT", "MX",
        "US", "US-AK", "US-AL", "US-AR", "US-AZ", "US-CA", "US-CO", "US-CT",
        "US-DC", "US-DE", "US-FL", "US-GA", "US-HI", "US-IA", "US-ID", "US-IL",
        "US-IN", "US-KS", "US-KY", "US-LA", "US-MA", "US-MD", "US-ME", "US-MI",
        "US-MN", "US-MO", "US-MS", "US-MT", "US-NC", "US-ND", "US-NE", "US-NH",
        "US-NJ", "US-NM", "US-NV", "US-NY", "US-OH", "US-OK", "US-OR", "US-PA",
        "US-RI", "US-SC", "US-SD", "US-TN", "US-TX", "US-UT", "US-VA", "US-VT",
        "US-WA", "US-WI", "US-WV", "US-WY", "AU", "AU-ACT", "AU-NSW", "AU-NT",
        "AU-NT2", "AU-QLD", "AU-SA", "AU-TAS", "AU-VIC", "AU-WA1", "AU-WA2", "NZ",
        "AR", "BR", "UY"],
    continent: [
        "World", "Asia", "Asia", "Africa", "Asia",
        "Asia", "Asia", "Asia", "Asia", "Asia",
        "Asia", "Asia", "Asia", "Asia", "Asia",
        "Asia", "Europe", "Europe", "Europe", "Europe",
        "Europe", "Europe", "Europe", "Europe", "Europe",
        "Europe", "Europe", "Europe", "Europe", "Europe",
        "Europe", "Europe", "Europe", "Europe", "Europe",
        "Europe", "Europe", "Europe", "Europe", "Europe",
        "Europe", "Europe", "Europe", "Europe", "Europe",
        "Europe", "Europe", "Europe", "Europe", "North America",
        "North America", "North America", "North America", "North America", "North America",
        "North America", "North America", "North America", "North America", "North America",
        "North America", "North America", "North America", "North America", "North America",
        "North America", "North America", "North America", "North America", "North America",
        "North America", "North America", "North America", "North America", "North America",
        "North America", "North America", "North America", "North America", "North America",
        "North America", "North America", "North America", "North America", "North America",
        "North America", "North America", "North America", "North America", "North America",
        "North America", "North America", "North America", "North America", "North America",
        "North America", "North America", "North America", "North America", "North America",
        "North America", "North America", "North America", "North America", "North America",
        "North America", "North America", "North America", "North America", "North America",
        "North America", "North America", "North America", "North America", "North America",
        "North America", "Oceania", "Oceania", "Oceania", "Oceania",
        "Oceania", "Oceania", "Oceania", "Oceania", "Oceania",
        "Oceania", "Oceania", "Oceania", "South America", "South America",
        "South America"],
    country: [
        "Any", "China", "Israel", "South Africa",
        "China", "China", "China", "India",
        "Indonesia", "Japan", "Korea", "Saudi Arabia",
        "Singapore", "Thailand", "Turkey", "United Arab Emirates",
        "Austria", "Belgium", "Bulgaria", "Croatia",
        "Cyprus", "Czech Republic", "Denmark", "Estonia",
        "Finland", "France", "Germany", "Greece",
        "Hungary", "Iceland", "Ireland", "Italy",
        "Latvia", "Lithuania", "Luxembourg", "Malta",
        "Netherlands", "Norway", "Poland", "Portugal",
        "Romania", "Russian Federation", "Serbia", "Slovakia",
        "Slovenia", "Spain", "Sweden", "Switzerland",
        "United Kingdom", "Canada", "Canada", "Canada",
        "Canada", "Canada", "Canada", "Canada",
        "Canada", "Canada", "Canada", "Canada",
        "Canada", "Canada", "Canada", "Mexico",
        "United States of America", "United States of America", "United States of America", "United States of America",
        "United States of America", "United States of America", "United States of America", "United States of America",
        "United States of America", "United States of America", "United States of America", "United States of America",
        "United States of America", "United States of America", "United States of America", "United States of America",
        "United States of America", "United States of America", "United States of America", "United States of America",
        "United States of America", "United States of America", "United States of America", "United States of America",
        "United States of America", "United States of America", "United States of America", "United States of America",
        "United States of America", "United States of America", "United States of America", "United States of America",
        "United States of America", "United States of America", "United States of America", "United States of America",
        "United States of America", "United States of America", "United States of America", "United States of America",
        "United States of America", "United States of America", "United States of America", "United States of America",
        "United States of America", "United States of America", "United States of America", "United States of America",
        "United States of America", "United States of America", "United States of America", "United States of America",
        "Australia", "Australia", "Australia", "Australia",
        "Australia", "Australia", "Australia", "Australia",
        "Australia", "Australia", "Australia", "New Zealand",
        "Argentina", "Brazil", "Uruguay"],
    region: [
        "Any", "Taiwan", "Any", "Any",
        "Any", "Hong Kong (HK Electricity Company)", "Hong Kong (CLP Group)", "Any",
        "Any", "Any", "Any", "Any",
        "Any", "Any", "Any", "Any",
        "Any", "Any", "Any", "Any",
        "Any", "Any", "Any", "Any",
        "Any", "Any", "Any", "Any",
        "Any", "Any", "Any", "Any",
        "Any", "Any", "Any", "Any",
        "Any", "Any", "Any", "Any",
        "Any", "Any", "Any", "Any",
        "Any", "Any", "Any", "Any",
        "Any", "Any", "Alberta", "British Columbia",
        "Manitoba", "New Brunswick", "Newfoundland and Labrador", "Nova Scotia",
        "Northwest Territories", "Nunavut", "Ontario", "Prince Edward Island",
        "Quebec", "Saskatchewan", "Yukon Territory", "Any",
        "Any", "Alaska", "Alabama", "Arkansas",
        "Arizona", "California", "Colorado", "Connecticut",
        "Washington DC", "Delaware", "Florida", "Georgia",
        "Hawaii", "Iowa", "Idaho", "Illinois",
        "Indiana", "Kansas", "Kentucky", "Louisiana",
        "Massachusetts", "Maryland", "Maine", "Michigan",
        "Minnesota", "Missouri", "Mississip", "Montana",
        "North Carolina", "North Dakota", "Nebraska", "New Hampshire",
        "New Jersey", "New Mexico", "Nevada", "New York",
        "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
        "Rhode Island", "South Carolina", "South Dakota", "Tennessee",
        "Texas", "Utah", "Virginia", "Vermont",
        "Washington", "Wisconsin", "West Virginia", "Wyoming",
        "Any", "Australian Capital Territory", "New South Wales", "Northern Territory",
        "Northern Territory (Darwin Katherine Interconnected System)", "Queensland", "South Australia", "Tasmania",
        "Victoria", "Western Australia (North Western Interconnected System)", "Western Australia (South West Interconnected System)", "Any",
        "Any", "Any", "Any"],
    ci: [
        475, 509, 558, 900.6, 537.4, 710, 650, 708.2, 717.7, 465.8,
        415.6, 505.9, 408, 481, 375, 417.89, 111.18, 161.89, 372.12, 226.96,
        642.9, 495.49, 142.52, 598.69, 95.32, 51.28, 338.66, 410.01, 243.75, 0.13,
        335.99, 323.84, 215.67, 253.56, 101.36, 390.62, 374.34, 7.62, 759.62, 201.55,
        261.84, 310.2, 776.69, 155.48, 224.05, 171.03, 5.67, 11.52, 231.12, 120,
        670, 19.7, 1.3, 270, 29, 810, 200, 900, 30, 2,
        1.5, 710, 111, 431.4, 423.94, 462.33, 344.37, 454.4, 351.99, 216.43,
        582.34, 253, 382.68, 360.68, 402.2, 345.58, 731.21, 293.85, 101.89, 265.8,
        740.02, 384.08, 804.75, 363.82, 420.32, 308.21, 109, 448.08, 367.93, 773,
        427.07, 435.87, 309.73, 663.05, 573.51, 118.44, 235.1, 601.77, 342.25, 199.01,
        598.58, 338.44, 163.15, 333.19, 395.27, 245.48, 162.69, 272.89, 409.16, 747.82,
        308, 14.45, 101.84, 569.39, 919.34, 950.5, 840, 870, 870, 620,
        540, 920, 420, 180, 1060, 580, 700, 110.1, 307, 61.7,
        129] g/kWh,
    type: [
        "World", "Region", "Country", "Country", "Country", "Region",
        "Region", "Country", "Country", "Country", "Country", "Country",
        "Country", "Country", "Country", "Country", "Country", "Country",
        "Country", "Country", "Country", "Country", "Country", "Country",
        "Country", "Country", "Country", "Country", "Country", "Country",
        "Country", "Country", "Country", "Country", "Country", "Country",
        "Country", "Country", "Country", "Country", "Country", "Country",
        "Country", "Country", "Country", "Country", "Country", "Country",
        "Country", "Country", "Region", "Region", "Region", "Region",
        "Region", "Region", "Region", "Region", "Region", "Region",
        "Region", "Region", "Region", "Country", "Country", "Region",
        "Region", "Region", "Region", "Region", "Region", "Region",
        "Region", "Region", "Region", "Region", "Region", "Region",
        "Region", "Region", "Region", "Region", "Region", "Region",
        "Region", "Region", "Region", "Region", "Region", "Region",
        "Region", "Region", "Region", "Region", "Region", "Region",
        "Region", "Region", "Region", "Region", "Region", "Region",
        "Region", "Region", "Region", "Region", "Region", "Region",
        "Region", "Region", "Region", "Region", "Region", "Region",
        "Region", "Region", "Country", "Region", "Region", "Region",
        "Region", "Region", "Region", "Region", "Region", "Region",
        "Region", "Country", "Country", "Country", "Country"])

## Default PUE by provider (defaults_PUE.csv); "Unknown" is the default for an unknown data centre.
## name is the provider's full name (providersNamesCodes.csv) where the tables give one.
provider_pue = table(
    provider: ["Unknown", "gcp", "aws", "azure", "OVHcloud", "Oracle"],
    name: [
        "Unknown", "Google Cloud Platform", "Amazon Web Services",
        "Azure", "OVHcloud", "Oracle"],
    pue: [1.56, 1.12, 1.2, 1.12, 1.09, 1.2])

## Cloud data centres (cloudProviders_datacenters.csv): provider, the provider's name for the
## region, its location code in `locations` and its PUE (nan: use the provider's default).
datacentres = table(
    provider: [
        "gcp", "gcp", "gcp", "gcp", "gcp", "gcp", "gcp", "gcp",
        "gcp", "gcp", "gcp", "gcp", "gcp", "gcp", "gcp", "gcp",
        "gcp", "gcp", "gcp", "gcp", "gcp", "gcp", "gcp", "gcp",
        "azure", "azure", "azure", "azure", "azure", "azure", "azure", "azure",
        "azure", "azure", "azure", "azure", "azure", "azure", "azure", "azure",
        "azure", "azure", "azure", "azure", "azure", "azure", "azure", "azure",
        "azure", "azure", "azure", "azure", "azure", "azure", "azure", "azure",
        "azure", "azure", "azure", "azure", "azure", "azure", "azure", "azure",
        "azure", "azure", "azure", "azure", "azure", "azure", "azure", "azure",
        "azure", "azure", "azure", "azure", "azure"],
    name: [
        "us-west1", "us-west2", "us-west3", "us-west4",
        "us-central1", "us-east1", "us-east4", "northamerica-northeast1",
        "southamerica-east1", "europe-west1", "europe-west2", "europe-west3",
        "europe-west4", "europe-west6", "europe-north1", "asia-south1",
        "asia-southeast1", "asia-southeast2", "asia-east2", "asia-east1",
        "asia-northeast1", "asia-northeast2", "asia-northeast3", "australia-southeast1",
        "South Africa North", "South Africa West", "East Asia", "Southeast Asia",
        "Australia Central", "Australia Central 2", "Australia East", "Australia Southeast",
        "Brazil South", "Canada Central", "Canada East", "China East",
        "China East 2", "China North", "China North 2", "North Europe",
        "West Europe", "France Central", "France South", "Germany Central (Sovereign)",
        "Germany North (Public)", "Germany Northeastt (Sovereign)", "Germany West Central (Public)", "Central India",
        "South India", "West India", "Israel Central", "Italy North",
        "Japan East", "Japan West", "Korea Central", "Korea South",
        "Mexico Central", "New Zealand North", "Norway East", "Norway West",
        "Poland Central", "Spain Central", "Switzerland North", "Switzerland West",
        "UAE Central", "UAE North", "UK South", "UK West",
        "Central US", "East US", "East US 2", "North Central US",
        "South Central US", "West Central US", "West US", "West US 2",
        "West US 3"],
    location: [
        "US-OR", "US-CA", "US-UT", "US-NV", "US-IA", "US-SC", "US-VA", "CA-QC",
        "BR", "BE", "GB", "DE", "NL", "CH", "FI", "IN",
        "SG", "ID", "CN-HK", "TW", "JP", "JP", "KR", "AU-NSW",
        "ZA", "ZA", "CN-HK", "SG", "AU-ACT", "AU-ACT", "AU-NSW", "AU-VIC",
        "BR", "CA-ON", "CA-QC", "CN", "CN", "CN", "CN", "IE",
        "NL", "FR", "FR", "DE", "DE", "DE", "DE", "IN",
        "IN", "IN", "IL", "IT", "JP", "JP", "KR", "KR",
        "MX", "NZ", "NO", "NO", "PL", "ES", "CH", "CH",
        "AE", "AE", "GB", "GB", "US-IA", "US-VA", "US-VA", "US-IL",
        "US-TX", "US-WY", "US-CA", "US-WA", "US-AZ"],
    pue: [
        1.11, nan, nan, nan, 1.11, 1.11, nan, nan, nan, 1.08, nan, nan,
        nan, nan, 1.09, nan, 1.15, nan, nan, 1.13, nan, nan, nan, nan,
        nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan,
        nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan,
        nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan,
        nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan,
        nan, nan, nan, nan, nan])

## Constants of referenceValues.csv (CO2e in g): memory power, and the equivalences.
reference_values = {
    memory_power: 0.3725 W/GB,   # power drawn per GB of memory (memoryPower)
    tree_year: 11000 g,   # CO2e a tree absorbs in a year (treeYear)
    tree_month: 917 g,   # CO2e a tree absorbs in a month (tree_month)
    car_eu_per_km: 175 g/km,   # an average European passenger car (passengerCar_EU_perkm)
    car_us_per_km: 251 g/km,   # an average US passenger car (passengerCar_US_perkm)
    train_per_km: 41 g/km,   # a passenger on a train (train_perkm)
    flight_economy_per_km: 171 g/km,   # a passenger on an economy flight (flight_economy_perkm)
    flight_paris_london: 50000 g,   # one passenger, Paris–London (flight_PAR-LON)
    flight_paris_dublin: 110000 g,   # one passenger, Paris–Dublin (flight_PAR-DUB)
    flight_new_york_san_francisco: 570000 g,   # one passenger, New York–San Francisco (flight_NY-SF)
    flight_new_york_melbourne: 2310000 g,   # one passenger, New York–Melbourne (flight_NYC-MEL)
    netflix_per_hour: 36 g/h,   # an hour of video streaming (streaming_netflix_perhour)
    google_search: 10 g    # one web search (google_search)
}

"""#####,
        "core/math": #####"""
# Elementary and special functions. Those without a body are native (Swift or GSL);
# every one maps over a vector as well as a number.
use core/vectors
use core/text

## The ratio of a circle's circumference to its diameter.
pi = 3.141592653589793
## Euler's number, the base of natural logarithms.
e = 2.718281828459045
## Positive infinity (IEEE 754).
inf = 1 / 0
## Not a number (IEEE 754): the result of 0/0.
nan = 0 / 0

## e raised to the power x.
## @example exp(1)  # 2.718281828459045
fn exp(x)
## Logarithm of x: natural, or to the given base.
## @example log(100, 10)  # 2
fn log(x, base = nil)
## Base-10 logarithm.
## @example log10(1000)  # 3
fn log10(x)
## Base-2 logarithm.
## @example log2(8)  # 3
fn log2(x)
## Square root; nan for negative numbers.
## @example sqrt(16)  # 4
fn sqrt(x)
## Absolute value.
## @example abs(-3)  # 3
fn abs(x)
## Largest whole number not greater than x.
## @example floor(2.7)  # 2
fn floor(x)
## Smallest whole number not less than x.
## @example ceil(2.1)  # 3
fn ceil(x)
## Rounds half away from zero, to `digits` decimals.
## @example round(2.345, 2)  # 2.35
fn round(x, digits = 0)
## Sine of an angle in radians.
## @example sin(0)  # 0
fn sin(x)
## Cosine of an angle in radians.
## @example cos(0)  # 1
fn cos(x)
## Tangent of an angle in radians.
## @example tan(0)  # 0
fn tan(x)
## Inverse sine, in radians.
## @example asin(1)  # 1.5707963267948966
fn asin(x)
## Inverse cosine, in radians.
## @example acos(1)  # 0
fn acos(x)
## Inverse tangent, in radians.
## @example atan(1)  # 0.7853981633974483
fn atan(x)
## Angle of the point (x, y) from the x axis, in radians.
## @example atan2(1, 1)  # 0.7853981633974483
fn atan2(y, x)
## Hyperbolic sine.
## @example sinh(0)  # 0
fn sinh(x)
## Hyperbolic cosine.
## @example cosh(0)  # 1
fn cosh(x)
## Hyperbolic tangent.
## @example tanh(0)  # 0
fn tanh(x)
## The gamma function (GSL); gamma(n) is (n − 1)!.
## @example gamma(5)  # 24
fn gamma(x)
## Natural logarithm of |gamma(x)| (GSL).
## @example lngamma(10)  # 12.801827480081476
fn lngamma(x)
## The beta function B(a, b) (GSL).
## @example beta(2, 3)  # 0.08333333333333333
fn beta(a, b)
## The error function (GSL).
## @example erf(0)  # 0
fn erf(x)
## The complementary error function 1 − erf(x) (GSL).
## @example erfc(0.5)  # 0.4795001221869534
fn erfc(x)
## The binomial coefficient n choose k (GSL).
## @example choose(5, 2)  # 10
fn choose(n, k)
## Natural logarithm of n choose k (GSL), for counts too large for choose.
## @example lnchoose(5, 2)  # 2.3025850929940455
fn lnchoose(n, k)

## Limits x to the interval [low, high]; maps over vectors.
## @example clamp(12, 0, 10)  # 10
fn clamp(x, low, high) {
    if type_of(x) == "vector" { map(x, v => clamp(v, low, high)) }
    else if x < low { low } else if x > high { high } else { x }
}

"""#####,
        "core/tables": #####"""
# Tables: named columns of equal length.

## A table from named columns of equal length.
## @example len(table(x: [1, 2, 3], y: [4, 5, 6]))  # 3
fn table(...columns)
## Reads a CSV file with a header row into a table; numeric columns become numbers.
## Paths are relative to the running file.
fn read_csv(path)
## Writes a table to a CSV file, atomically.
fn write_csv(t, path)

"""#####,
        "core/text": #####"""
# Output, text and checks.

## Prints its arguments separated by spaces, then a newline.
## @example print("total:", 42)
fn print(...values)
## The value as text (strings unchanged).
## @example str(1.5)  # "1.5"
fn str(x)
## A number as text with `digits` significant digits, or `decimals` fixed decimals.
## @example format(3.14159, digits: 3)  # "3.14"
fn format(x, digits = nil, decimals = nil)
## The name of a value's type: number, bool, string, vector, record, table, function or nil.
## @example type_of([1, 2])  # "vector"
fn type_of(x)
## Stops with an error unless the condition is true.
## @example assert(1 + 1 == 2, "arithmetic")
fn assert(condition, message = nil)
## Stops with an error carrying the message.
fn error(message)
## Up to three of the candidates that a mistyped or partial name may mean (those that
## contain it, else the nearest by edits), for "did you mean" messages.
## @example suggest("a100", ["NVIDIA A100 40GB PCIe", "NVIDIA V100", "AMD RX480"])  # ["NVIDIA A100 40GB PCIe"]
fn suggest(name, candidates)
## The record, shown as a titled list of its fields (a two-column table in a notebook
## report): for results a library presents to a reader. Its fields read as before, plus title.
## @example report("Run", {energy: 3 kWh}).energy  # 3 kWh
fn report(title, record)

"""#####,
        "core/vectors": #####"""
# Building, reducing and transforming vectors.

## Number of elements of a vector, characters of a string, rows of a table or fields of a record.
## @example len([4, 5, 6])  # 3
fn len(x)
## Sum of the elements; for a vector of bools, how many are true.
## @example sum([1, 2, 3])  # 6
fn sum(v)
## Product of the elements.
## @example prod([1, 2, 3, 4])  # 24
fn prod(v)
## Running sums.
## @example cumsum([1, 2, 3])  # [1, 3, 6]
fn cumsum(v)
## Smallest of the numbers given, vectors included.
## @example min([3, 1, 2])  # 1
fn min(...values)
## Largest of the numbers given, vectors included.
## @example max(3, 7, 5)  # 7
fn max(...values)
## The elements in ascending order (numbers, or strings).
## @example sort([3, 1, 2])  # [1, 2, 3]
fn sort(v)
## The distinct elements, in ascending order.
## @example unique([3, 1, 3, 2, 1])  # [1, 2, 3]
fn unique(v)
## The elements (or characters) in reverse order.
## @example reverse([1, 2, 3])  # [3, 2, 1]
fn reverse(v)
## Applies f to each element (or each row of a table).
## @example map([1, 2, 3], x => x * 10)  # [10, 20, 30]
fn map(v, f)
## The elements for which f returns true.
## @example filter([1, 2, 3, 4], x => x % 2 == 0)  # [2, 4]
fn filter(v, f)
## Folds the elements with f(accumulator, element), starting from `initial` or the first element.
## @example reduce([1, 2, 3], (a, b) => a + b)  # 6
fn reduce(v, f, initial = nil)
## Pairs of corresponding elements.
## @example zip([1, 2], [3, 4])  # [[1, 3], [2, 4]]
fn zip(a, b)
## `n` evenly spaced numbers from start to stop, both included (NumPy's linspace).
## @example linspace(0, 1, 5)  # [0, 0.25, 0.5, 0.75, 1]
fn linspace(start, stop, n = 50)
## `n` numbers spaced evenly on a log scale, from base^start to base^stop (NumPy's logspace).
## @example logspace(2, 4, 3)  # [100, 1000, 10000]
fn logspace(start, stop, n = 50, base = 10) = base ^ linspace(start, stop, n)
## Joins vectors (and single values) into one vector.
## @example concat([1, 2], 3, [4])  # [1, 2, 3, 4]
fn concat(...parts)
## True if any element of a vector of bools is true.
## @example any([1, 5, 2] > 4)  # true
fn any(mask) = sum(mask) > 0
## True if every element of a vector of bools is true.
## @example all([1, 5, 2] > 0)  # true
fn all(mask) = len(mask) == 0 or sum(mask) == len(mask)
## The field names of a record, or the column names of a table.
## @example keys({a: 1, b: 2})  # ["a", "b"]
fn keys(x)

"""#####,
        "econ": #####"""
# The economics of agent labour (models.md §5): the compute-anchored wage bound of
# Zhu, "Who Prices Cognitive Labor in the Age of Agents? Compute-Anchored Wages",
# arXiv:2605.05558 (2026), and the textbook two-factor CES production function with
# human labour L_H and agent labour L_A. Load it with `use econ`.
#
# Two lambdas. In caw_bound and binding_price, lambda is the number of agent units that
# replace one human unit. In the CES functions, lambda multiplies agent labour (effective
# labour per agent unit, as in the formula of models.md §5); under perfect substitutes one
# human unit is replaced by a / ((1 − a)·lambda) agent units, the CES wage_ratio.
use core/math
use core/vectors
use core/text

## Stops with an error unless x (a number, a quantity, or a vector of them) is
## positive; `what` says what the argument means.
## @example use econ; require_positive(2 USD, "r_c", "the price of compute")  # true
fn require_positive(x, name, what) {
    ok = x > x * 0
    if type_of(ok) == "vector" { ok = all(ok) }
    if not ok { error("{name} must be positive, got {x}: it is {what}") }
    true
}

## Stops with an error unless x is a plain number (no unit).
## @example use econ; require_plain(0.5, "a", "the weight of human labour")  # true
fn require_plain(x, name, what) {
    if dimension_of(x) != "1" { error("{name} must be a plain number, got {x} ({dimension_of(x)}): it is {what}") }
    true
}

## The cost of one agent unit, k·r_c: compute per agent unit times the price of compute.
## It must be money (Currency); the error says which argument is what.
## @example use econ; agent_cost(0.2 h, 2.5 USD/h)  # 0.5 USD
fn agent_cost(k, r_c) {
    require_positive(k, "k", "the compute per agent unit (e.g. 0.2 h of GPU time)")
    require_positive(r_c, "r_c", "the price per compute unit (e.g. 2.5 USD/h per GPU-hour)")
    cost = k * r_c
    d = dimension_of(cost)
    if d != "Currency" {
        error("k · r_c must be money per agent unit, but {k} × {r_c} is {d}: k is the compute per agent unit (e.g. 0.2 h of GPU time) and r_c the price per compute unit (e.g. 2.5 USD/h)")
    }
    cost
}

## The compute-anchored wage bound w_H ≤ λ·k·r_c (Zhu 2026): λ agent units per human unit
## (a plain number per task, or per time such as 1.5/h for a wage per hour), k compute per
## agent unit (e.g. GPU-hours as h), r_c the price per compute unit (e.g. 2.5 USD/h).
## @example use econ; caw_bound(1.5, 0.2 h, 2.5 USD/h)  # 0.75 USD
## @example use econ; caw_bound(1.5/h, 0.2 h, 2.5 USD/h)  # 0.75 USD/h
fn caw_bound(lambda, k, r_c) {
    require_positive(lambda, "lambda", "the number of agent units that replace one human unit")
    cost = agent_cost(k, r_c)
    d = dimension_of(lambda)
    if d != "1" and d != "Frequency" {
        error("lambda must be agent units per human unit, a plain number (e.g. 1.5) or a rate per time (e.g. 1.5/h), got {lambda} ({d})")
    }
    lambda * cost
}

## The compute price at which the CAW bound binds for a wage w_H: r_c = w_H / (λ·k).
## @example use econ; binding_price(1 USD, 2, 0.2 h)  # 2.5 USD/h
fn binding_price(w_H, lambda, k) {
    require_positive(w_H, "w_H", "the human wage")
    require_positive(lambda, "lambda", "the number of agent units that replace one human unit")
    require_positive(k, "k", "the compute per agent unit (e.g. 0.2 h of GPU time)")
    r_c = w_H / (lambda * k)
    if dimension_of(w_H / lambda) != "Currency" {
        error("w_H / lambda must be money per agent unit, got {w_H / lambda}: give the wage per human unit (e.g. 0.75 USD, or 0.75 USD/h with lambda as 1.5/h)")
    }
    r_c
}

## The CES regime of an elasticity of substitution σ, in words.
## @example use econ; ces_regime(1)  # "Cobb–Douglas (σ = 1): shares are constant"
fn ces_regime(sigma) {
    if sigma == inf { "perfect substitutes (σ = ∞): agents replace humans at a fixed rate, so the wage is capped by the cost of the agents (the CAW bound binds)" }
    else if sigma > 1 { "substitutes (σ > 1): more agent labour lowers the human share of output" }
    else if sigma == 1 { "Cobb–Douglas (σ = 1): shares are constant" }
    else { "complements (σ < 1): more agent labour raises the human share of output" }
}

## Checks the CES parameters: a in (0, 1), σ > 0 (inf allowed), λ > 0 and Z > 0.
## @example use econ; ces_check(0.5, 2, 1, 1)  # true
fn ces_check(a, sigma, lambda, Z) {
    require_plain(a, "a", "the weight of human labour, between 0 and 1")
    if not (a > 0 and a < 1) { error("a must lie strictly between 0 and 1, got {a}: it is the weight of human labour (1 − a weighs agent labour)") }
    require_plain(sigma, "sigma", "the elasticity of substitution")
    if not (sigma > 0) { error("sigma must be positive, got {sigma}: it is the elasticity of substitution (σ < 1 complements, σ = 1 Cobb–Douglas, σ > 1 substitutes, inf perfect substitutes)") }
    require_plain(lambda, "lambda", "the effective labour per agent unit")
    require_positive(lambda, "lambda", "the effective labour per agent unit")
    require_positive(Z, "Z", "total factor productivity (it may carry a unit, e.g. 1 USD)")
}

## Textbook CES output Y = Z·(a·L_H^ρ + (1 − a)·(λ·L_A)^ρ)^(1/ρ), σ = 1/(1 − ρ), with its
## marginal products, factor shares, the relative wage mp_H/mp_A and the regime in words.
## σ = 1 is Cobb–Douglas Z·L_H^a·(λ·L_A)^(1−a); σ = inf is linear (perfect substitutes).
## L_H and L_A are plain numbers of labour units; Z may carry a unit (the value of output).
## @example use econ; ces(1, 1).output  # 1
## @example use econ; round(ces(2, 1, sigma: 1).mp_H, 6)  # 0.353553
fn ces(L_H, L_A, a = 0.5, sigma = 2, lambda = 1, Z = 1) {
    require_plain(L_H, "L_H", "human labour in labour units")
    require_plain(L_A, "L_A", "agent labour in agent units")
    require_positive(L_H, "L_H", "human labour in labour units")
    require_positive(L_A, "L_A", "agent labour in agent units")
    ces_check(a, sigma, lambda, Z)
    E = lambda * L_A
    if sigma == inf {
        rho = 1
        Y = Z * (a * L_H + (1 - a) * E)
        mp_H = Z * a
        mp_A = Z * (1 - a) * lambda
        share_H = a * L_H / (a * L_H + (1 - a) * E)
    } else if sigma == 1 {
        rho = 0
        Y = Z * L_H ^ a * E ^ (1 - a)
        mp_H = a * Y / L_H
        mp_A = (1 - a) * Y / L_A
        share_H = a
    } else {
        rho = 1 - 1 / sigma
        S = a * L_H ^ rho + (1 - a) * E ^ rho
        if abs(rho) < 1e-6 {
            # S^(1/ρ) loses digits as ρ → 0; Kmenta's expansion of log Y to first order in ρ does not.
            gap = log(L_H) - log(E)
            y = exp(a * log(L_H) + (1 - a) * log(E) + rho / 2 * a * (1 - a) * gap ^ 2)
        } else {
            y = S ^ (1 / rho)
        }
        Y = Z * y
        mp_H = Z * a * L_H ^ (rho - 1) * y ^ (1 - rho)
        mp_A = Z * (1 - a) * lambda ^ rho * L_A ^ (rho - 1) * y ^ (1 - rho)
        share_H = a * L_H ^ rho / S
    }
    {output: Y, mp_H: mp_H, mp_A: mp_A, share_H: share_H, share_A: 1 - share_H,
     wage_ratio: mp_H / mp_A, rho: rho, sigma: sigma, regime: ces_regime(sigma)}
}

## The CES market when agents are rented at their compute cost k·r_c: with human labour
## fixed at L_H, agent labour L_A is hired until its marginal product equals k·r_c (output
## valued by Z, in the currency of k·r_c). Gives L_A, the wage w_H = mp_H, the agent price
## and the CES record. σ = inf: the wage is min(Z·a, wage_ratio·k·r_c), the CAW bound, and
## L_A, share_H are nan (demand is indeterminate). σ < 1 priced out: L_A = 0 and w_H = 0.
## @example use econ; ces_market(2.5 USD/h, 1, 0.2 h).L_A  # 1
fn ces_market(r_c, sigma, k, L_H = 1, a = 0.5, lambda = 1, Z = 1 USD) {
    price = agent_cost(k, r_c)
    ces_check(a, sigma, lambda, Z)
    require_plain(L_H, "L_H", "human labour in labour units")
    require_positive(L_H, "L_H", "human labour in labour units")
    q = price / (Z * lambda)
    if dimension_of(q) != "1" {
        error("Z must be in the currency of k · r_c (e.g. Z: 1 USD), got {Z}: it values one unit of output")
    }
    if sigma == inf {
        ratio = a / ((1 - a) * lambda)
        w = min(Z * a, ratio * price)
        return {L_A: nan, w_H: w, price_A: price, share_H: nan, wage_ratio: ratio, bound_binds: ratio * price < Z * a, ces: nil}
    }
    if sigma == 1 {
        x = ((1 - a) / q) ^ (1 / a)
    } else {
        rho = 1 - 1 / sigma
        u = (q / (1 - a)) ^ (sigma - 1)
        if not (u > 1 - a) {
            floor = Z * lambda * (1 - a) ^ (1 / rho)
            if sigma > 1 {
                error("compute is so cheap that agents are worth more than they cost at any scale (k · r_c = {price} is at or below {format(floor, digits: 4)}): with σ = {sigma} the demand for agent labour is unbounded")
            }
            # Complements priced out: no agent labour, so no output and no wage.
            return {L_A: 0, w_H: Z * 0, price_A: price, share_H: nan, wage_ratio: nan, bound_binds: false, ces: nil}
        }
        if abs(rho) < 1e-6 {
            # The power form is 0/0 as σ → 1: expand log x to first order in σ − 1 instead.
            l = log(q / (1 - a))
            x = exp(-sigma * l / a + sigma * (sigma - 1) * l ^ 2 * (1 - a) / (2 * a ^ 2))
        } else {
            x = ((u - (1 - a)) / a) ^ (-1 / rho)
        }
    }
    L_A = x * L_H / lambda
    c = ces(L_H, L_A, a: a, sigma: sigma, lambda: lambda, Z: Z)
    {L_A: L_A, w_H: c.mp_H, price_A: price, share_H: c.share_H, wage_ratio: c.wage_ratio, bound_binds: false, ces: c}
}

## The human wage (the marginal product mp_H) when agents cost k·r_c each: ces_market's w_H,
## for sweeps such as map(prices, r => ces_wage(r, 2, 0.2 h)).
## @example use econ; ces_wage(2.5 USD/h, 1, 0.2 h)  # 0.5 USD
## @example use econ; ces_wage(2.5 USD/h, inf, 0.2 h)  # 0.5 USD
fn ces_wage(r_c, sigma, k, L_H = 1, a = 0.5, lambda = 1, Z = 1 USD) = ces_market(r_c, sigma, k, L_H: L_H, a: a, lambda: lambda, Z: Z).w_H

## The compute price r_c at which the CES wage ces_wage equals w_H, found with root (GSL's
## Brent solver) on log r_c; an error names the range of wages that can be reached.
## @example use econ; round(value_of(ces_price(0.5 USD, 1, 0.2 h), "USD/h"), 9)  # 2.5
fn ces_price(w_H, sigma, k, L_H = 1, a = 0.5, lambda = 1, Z = 1 USD) {
    require_positive(w_H, "w_H", "the target human wage")
    require_positive(k, "k", "the compute per agent unit (e.g. 0.2 h of GPU time)")
    ces_check(a, sigma, lambda, Z)
    target = w_H / Z
    if dimension_of(target) != "1" { error("w_H must be in the currency of Z, got {w_H} and Z = {Z}") }
    if sigma == inf {
        if target >= a { error("with perfect substitutes the wage never exceeds Z·a = {Z * a}: {w_H} is out of reach") }
        return w_H * (1 - a) * lambda / (a * k)
    }
    # Work in q = k·r_c / (Z·λ), a plain number; the wage falls as q rises.
    fn wage_at(s) = ces_wage(exp(s) * Z * lambda / k, sigma, k, L_H: L_H, a: a, lambda: lambda, Z: Z) / Z
    low = -60
    high = 60
    if sigma != 1 {
        rho = 1 - 1 / sigma
        edge = log((1 - a) ^ (1 / rho))
        limit = Z * a ^ (1 / rho)
        if sigma > 1 {
            if w_H <= limit { error("a wage of {w_H} is out of reach: with σ = {sigma} the wage stays above Z·a^(1/ρ) = {limit} however dear compute is") }
            low = edge + 1e-9
        } else {
            if w_H >= limit { error("a wage of {w_H} is out of reach: with σ = {sigma} the wage stays below Z·a^(1/ρ) = {limit} however cheap compute is") }
            high = edge - 1e-9
        }
    }
    if not (target < wage_at(low) and target > wage_at(high)) {
        error("a wage of {w_H} lies too close to the edge of the wages that σ = {sigma} can reach for the solver")
    }
    s = root(s => log(wage_at(s)) - log(target), low, high)
    exp(s) * Z * lambda / k
}

"""#####,
        "memory": #####"""
# Memory tiers for serving language models (models.md §7): weights and KV cache, the
# roofline, memory-bound decode and compute-bound prefill, capacity, tiered placement
# with prefetch (FengHuang, arXiv:2511.10753), and cost and energy per token.
# Sources: Li et al., "FengHuang", arXiv:2511.10753 (2025); Patel et al., "Splitwise",
# ISCA 2024; vendor data sheets for the accelerators (dense BF16, per GPU).
#
# Every `gpu:` argument takes a name from `gpus` or a record made by gpu() or add_gpu().
use core/math
use core/vectors
use core/text
use core/tables
use stats/summary

## Tokens, so that throughput reads tok/s and prices USD/Mtok (ktok, Mtok by prefix).
## A program that uses memory must not declare Token or tok itself: use these.
dimension Token
unit tok, token, tokens: Token [si]

## The accelerators of models.md §7 (vendor figures per GPU, dense BF16). Extend it with
## add_gpu(gpus, ...) and pass the result as `among:` to gpu().
gpus = table(
    name: ["A100 80GB SXM", "H100 SXM", "H200 SXM", "B200"],
    hbm: [80, 80, 141, 180] GB,
    bandwidth: [2.039, 3.35, 4.8, 8] TB/s,
    bf16: [312, 989, 989, 2250] TFLOP/s,
    tdp: [400, 700, 700, 1000] W)

## The share of HBM kept back for the runtime (CUDA context, activations, fragmentation):
## 10 %, as vLLM's default gpu_memory_utilization of 0.9.
default_reserve = 0.1

## Llama-2-7B: 32 layers, 32 KV heads, head_dim 128 (nominal 7e9 parameters).
llama2_7b = {name: "Llama-2-7B", params: 7e9, layers: 32, kv_heads: 32, head_dim: 128}
## Llama-2-70B: 80 layers, 8 KV heads (grouped-query attention), head_dim 128 (nominal 70e9).
llama2_70b = {name: "Llama-2-70B", params: 70e9, layers: 80, kv_heads: 8, head_dim: 128}

# Checks that x is a quantity of dimension `dim`; `what` names the argument in the error.
fn check_dimension(what, x, dim, example) {
    if type_of(x) != "quantity" or dimension_of(x) != dim {
        d = dimension_of(x)
        if d == "1" { d = "a plain number" }
        error("{what} must have the dimension {dim}, like {example}; got {x} ({d})")
    }
    x
}
# Checks that x is a positive plain number.
fn check_positive(what, x) {
    if type_of(x) == "quantity" and dimension_of(x) == "1" { x = x * 1 }
    if type_of(x) != "number" { error("{what} must be a plain number, got {x} ({dimension_of(x)})") }
    if not (x > 0) { error("{what} must be positive, got {x}") }
    x
}
# Bytes per value: a plain number (2 for BF16, 1 for FP8, 0.5 for INT4) or an amount like 2 B.
fn bytes_per_value(b) {
    if type_of(b) == "quantity" and dimension_of(b) == "Information" { b = value_of(b, "B") }
    if type_of(b) == "quantity" { error("bytes must be the bytes per value (2 for BF16, 1 for FP8, 0.5 for INT4), got {b} ({dimension_of(b)})") }
    check_positive("bytes", b)
}
# A token count: a plain number or a quantity in tokens.
fn token_count(what, n) {
    if type_of(n) == "quantity" and dimension_of(n) == "Token" { n = value_of(n, "tok") }
    if type_of(n) != "number" { error("{what} must be a number of tokens, got {n} ({dimension_of(n)})") }
    if n < 0 { error("{what} must not be negative, got {n}") }
    n
}

## Adds an accelerator to a GPU table (gpus by default) and returns the new table;
## every figure needs its unit.
## @example use memory; len(add_gpu(gpus, name: "MI300X", hbm: 192 GB, bandwidth: 5.3 TB/s, bf16: 1307 TFLOP/s, tdp: 750 W))  # 5
fn add_gpu(among, name, hbm, bandwidth, bf16, tdp) {
    if any(among.name == name) { error("a GPU named '{name}' is already in the table") }
    check_dimension("hbm", hbm, "Information", "80 GB")
    check_dimension("bandwidth", bandwidth, "DataRate", "3.35 TB/s")
    check_dimension("bf16", bf16, "ComputeRate", "989 TFLOP/s")
    check_dimension("tdp", tdp, "Power", "700 W")
    table(name: concat(among.name, name), hbm: concat(among.hbm, hbm),
          bandwidth: concat(among.bandwidth, bandwidth), bf16: concat(among.bf16, bf16),
          tdp: concat(among.tdp, tdp))
}

## The record of a GPU by name (from gpus, or the table `among`); a record passes through.
## @example use memory; gpu("H100 SXM").hbm  # 80 GB
fn gpu(name, among = gpus) = lookup_gpu(name, among)
# The body of gpu(), callable where a parameter is named gpu.
fn lookup_gpu(name, among = gpus) {
    if type_of(name) == "record" {
        for field in ["hbm", "bandwidth", "bf16", "tdp"] {
            if not any(keys(name) == field) { error("a GPU record needs the fields name, hbm, bandwidth, bf16 and tdp; '{field}' is missing") }
        }
        check_dimension("hbm", name.hbm, "Information", "80 GB")
        check_dimension("bandwidth", name.bandwidth, "DataRate", "3.35 TB/s")
        check_dimension("bf16", name.bf16, "ComputeRate", "989 TFLOP/s")
        check_dimension("tdp", name.tdp, "Power", "700 W")
        return name
    }
    found = among[among.name == name]
    if len(found) == 0 {
        known = reduce(map(among.name, n => "\"{n}\""), (a, b) => "{a}, {b}")
        error("unknown GPU '{name}': the known GPUs are {known} (add one with add_gpu)")
    }
    found[0]
}

## KV-cache bytes per token: 2 (K and V) · layers · kv_heads · head_dim · bytes, in B.
## With model: the shape comes from a model record.
## @example use memory; kv_bytes_per_token(layers: 80, kv_heads: 8, head_dim: 128, bytes: 2)  # 327680 B
fn kv_bytes_per_token(layers = nil, kv_heads = nil, head_dim = nil, bytes = 2, model = nil) {
    if type_of(model) != "nil" { layers = model.layers; kv_heads = model.kv_heads; head_dim = model.head_dim }
    if type_of(layers) == "nil" or type_of(kv_heads) == "nil" or type_of(head_dim) == "nil" { error("kv_bytes_per_token needs layers, kv_heads and head_dim, or a model") }
    check_positive("layers", layers)
    check_positive("kv_heads", kv_heads)
    check_positive("head_dim", head_dim)
    2 * layers * kv_heads * head_dim * bytes_per_value(bytes) * 1 B
}

## The bytes of the weights: params · bytes per parameter, in GB (BF16 2, FP8 1, INT4 0.5).
## params may be a model record.
## @example use memory; weight_bytes(params: 70e9, bytes: 2)  # 140 GB
fn weight_bytes(params, bytes = 2) {
    if type_of(params) == "record" { params = params.params }
    check_positive("params", params)
    params * bytes_per_value(bytes) * 1 B -> GB
}

## The KV cache of `batch` sequences of `context` tokens each, in GB.
## @example use memory; kv_cache_bytes(llama2_70b, context: 4096, batch: 8)  # 10.73741824 GB
fn kv_cache_bytes(model, context, batch = 1, bytes = 2) = kv_bytes_per_token(model: model, bytes: bytes) * token_count("context", context) * token_count("batch", batch) -> GB

# The parameters: a number, or the params of the model record.
fn params_of(params, model) {
    if type_of(params) == "nil" and type_of(model) != "nil" { params = model.params }
    if type_of(params) == "record" { params = params.params }
    if type_of(params) == "nil" { error("give params or a model") }
    check_positive("params", params)
}
# The devices over which the KV heads are split: KV heads are replicated beyond tp = kv_heads.
fn kv_shards(model, tp) = if type_of(model) == "nil" { tp } else { min(tp, model.kv_heads) }
# The usable HBM of one GPU: capacity minus the reserve (a fraction, or an amount).
fn usable_hbm(g, reserve) {
    if type_of(reserve) == "quantity" and dimension_of(reserve) == "Information" { return g.hbm - reserve }
    if reserve < 0 or reserve >= 1 { error("reserve must be a share of HBM in [0, 1) or an amount like 8 GB, got {reserve}") }
    g.hbm * (1 - reserve)
}

## The memory of one GPU in a tensor-parallel group of tp: weights/tp, KV cache per device
## (KV heads split over min(tp, kv_heads) devices), their total, the usable HBM and fits.
## @example use memory; memory_per_gpu(params: 70e9, gpu: "H100 SXM", tp: 2).weights  # 70 GB
fn memory_per_gpu(params = nil, gpu = "H100 SXM", tp = 8, bytes = 2, context = 0, batch = 1, model = nil, reserve = default_reserve) {
    g = lookup_gpu(gpu)
    tp = check_positive("tp", tp)
    w = weight_bytes(params_of(params, model), bytes) / tp
    kv = 0 GB
    if type_of(model) != "nil" { kv = kv_cache_bytes(model, context, batch, bytes) / kv_shards(model, tp) }
    else if token_count("context", context) > 0 { error("give a model (its layers and KV heads) to count the KV cache of a context") }
    usable = usable_hbm(g, reserve)
    {weights: w, kv: kv, total: w + kv, usable: usable, fits: w + kv <= usable}
}

## True if the weights (and the KV cache of batch × context, given a model) fit on tp GPUs.
## @example use memory; fits(params: 70e9, gpu: "H100 SXM", tp: 1)  # false
fn fits(params = nil, gpu = "H100 SXM", tp = 8, bytes = 2, context = 0, batch = 1, model = nil, reserve = default_reserve) = memory_per_gpu(params, gpu, tp, bytes, context, batch, model, reserve).fits

## The fewest GPUs whose HBM (less the reserve) holds the weights and the KV cache.
## @example use memory; gpus_needed(params: 70e9, gpu: "H100 SXM")  # 2
fn gpus_needed(params = nil, gpu = "H100 SXM", bytes = 2, context = 0, batch = 1, model = nil, reserve = default_reserve) {
    for n in 1..4096 {
        if fits(params, gpu, n, bytes, context, batch, model, reserve) { return n }
    }
    error("no number of GPUs up to 4096 holds this model")
}

# Raises the "does not fit" error for a memory_per_gpu record.
fn require_fit(m, gpu, tp) {
    if not m.fits {
        g = lookup_gpu(gpu)
        error("the model does not fit: it needs {round(m.total, 2)} per GPU on {tp} × {g.name}, which has {round(m.usable, 2)} usable of {g.hbm}")
    }
}

## Memory-bound time of one decode step (one token for each of the batch's sequences):
## the bytes each device reads (weights/tp, plus the KV cache of context · batch given a
## model) over its bandwidth, in ms. Raises an error if they do not fit in HBM.
## @example use memory; round(decode_time(params: 70e9, gpu: "H100 SXM", tp: 8), 4)  # 5.2239 ms
fn decode_time(params = nil, bytes = 2, gpu = "H100 SXM", tp = 8, context = 0, batch = 1, model = nil, reserve = default_reserve) {
    m = memory_per_gpu(params, gpu, tp, bytes, context, batch, model, reserve)
    require_fit(m, gpu, tp)
    m.total / lookup_gpu(gpu).bandwidth -> ms
}

## Decode throughput of the tp-GPU group: batch tokens per decode step, in tok/s.
## @example use memory; round(decode_throughput(params: 70e9, gpu: "H100 SXM", tp: 8), 2)  # 191.43 tok/s
fn decode_throughput(params = nil, bytes = 2, gpu = "H100 SXM", tp = 8, context = 0, batch = 1, model = nil, reserve = default_reserve) = token_count("batch", batch) * 1 tok / decode_time(params, bytes, gpu, tp, context, batch, model, reserve) -> tok/s

## Compute-bound prefill time: 2 · N · prompt FLOP over peak · MFU · tp, in ms.
## @example use memory; round(prefill_time(params: 70e9, prompt: 2048, gpu: "H100 SXM", tp: 8), 3)  # 72.477 ms
fn prefill_time(params = nil, prompt = nil, gpu = "H100 SXM", tp = 8, mfu = 0.5, model = nil) {
    n = params_of(params, model)
    if type_of(prompt) == "nil" { error("prefill_time needs prompt: the number of prompt tokens") }
    p = token_count("prompt", prompt)
    if not (mfu > 0 and mfu <= 1) { error("mfu must be in (0, 1], got {mfu}") }
    2 * n * p * 1 FLOP / (lookup_gpu(gpu).bf16 * mfu * check_positive("tp", tp)) -> ms
}

## The roofline's ridge point: peak FLOP/s over bandwidth, in FLOP/B. Work with fewer
## FLOP per byte than this is memory-bound.
## @example use memory; round(ridge_point("H100 SXM"), 1)  # 295.2 FLOP/B
fn ridge_point(gpu) {
    g = lookup_gpu(gpu)
    g.bf16 / g.bandwidth -> FLOP/B
}

## The largest batch of sequences of `context` tokens whose KV cache fits beside the
## weights on tp GPUs (HBM − weights/tp − reserve); 0 if not even one does.
## @example use memory; max_batch(llama2_70b, context: 4096, gpu: "H100 SXM", tp: 8)  # 324
fn max_batch(model, context, gpu = "H100 SXM", tp = 8, bytes = 2, reserve = default_reserve) {
    m = memory_per_gpu(model.params, gpu, tp, bytes, 0, 1, model, reserve)
    require_fit(m, gpu, tp)
    per_seq = kv_cache_bytes(model, context, 1, bytes) / kv_shards(model, tp)
    if not (per_seq > 0 GB) { error("context must be positive, got {context}") }
    floor((m.usable - m.weights) / per_seq)
}

## A memory tier: a name, a capacity (GB), a bandwidth (GB/s) and a latency (time).
## @example use memory; tier("HBM", 80 GB, 3.35 TB/s, 0.5 µs).capacity  # 80 GB
fn tier(name, capacity, bandwidth, latency = 0 s) {
    check_dimension("capacity", capacity, "Information", "80 GB")
    check_dimension("bandwidth", bandwidth, "DataRate", "3.35 TB/s")
    check_dimension("latency", latency, "Time", "1 µs")
    {name: name, capacity: capacity, bandwidth: bandwidth, latency: latency}
}

## Places `bytes` (read every token) in the tiers, each filled to its capacity: fastest
## first (policy: "fastest"), or in the order the tiers are given (policy: "given", the
## user's own policy). A table of tier, capacity, bandwidth, placed (GB) and read time per
## token (latency + placed / bandwidth, in ms; 0 where nothing is placed).
fn place(bytes, tiers, policy = "fastest") {
    check_dimension("bytes", bytes, "Information", "140 GB")
    if policy != "fastest" and policy != "given" { error("unknown placement policy \"{policy}\": the policies are \"fastest\" and \"given\"") }
    order = []
    left = if policy == "given" { [] } else { map(tiers, t => t) }
    if policy == "given" { order = map(tiers, t => t) }
    while len(left) > 0 {
        bw = map(left, t => value_of(t.bandwidth, "GB/s"))
        best = max(bw)
        i = 0
        while bw[i] != best { i = i + 1 }
        order = concat(order, [left[i]])
        keep = map(0..<len(left), j => j != i)
        left = if len(left) == 1 { [] } else { left[keep] }
    }
    total = sum(map(order, t => value_of(t.capacity, "GB"))) * 1 GB
    if bytes > total { error("{round(bytes -> GB, 2)} do not fit in the tiers, which hold {total} in all") }
    rest = bytes -> GB
    placed = []
    times = []
    for t in order {
        p = min(rest, t.capacity -> GB)
        rest = rest - p
        placed = concat(placed, value_of(p, "GB"))
        times = concat(times, if p > 0 GB { value_of(t.latency + p / t.bandwidth, "ms") } else { 0 })
    }
    table(tier: map(order, t => t.name), capacity: map(order, t => value_of(t.capacity, "GB")) * 1 GB,
          bandwidth: map(order, t => value_of(t.bandwidth, "GB/s")) * 1 GB/s,
          placed: placed * 1 GB, time: times * 1 ms)
}

## The stall per token for remote_bytes read from a tier of the given bandwidth while the
## GPU computes for compute_time. With prefetch the transfer overlaps compute:
## max(0, latency + remote/bandwidth − compute_time); without, the whole transfer stalls.
## @example use memory; stall_per_token(10 GB, 100 GB/s, 20 ms)  # 80 ms
fn stall_per_token(remote_bytes, bandwidth, compute_time, latency = 0 s, prefetch = true) {
    check_dimension("remote_bytes", remote_bytes, "Information", "10 GB")
    check_dimension("bandwidth", bandwidth, "DataRate", "100 GB/s")
    check_dimension("compute_time", compute_time, "Time", "5 ms")
    check_dimension("latency", latency, "Time", "1 µs")
    transfer = if remote_bytes > 0 GB { latency + remote_bytes / bandwidth } else { 0 s }
    if prefetch { max(0 ms, transfer - compute_time -> ms) } else { transfer -> ms }
}

## The time per token of a placement from place(): the fastest tier's read time is the
## compute, the slower tiers' transfers stall it (overlapped with prefetch: true).
## A record of local, remote, stall and total times.
fn tiered_token_time(placement, prefetch = true) {
    local = placement.time[0]
    remote = if len(placement) > 1 { sum(placement.time[1..<len(placement)]) } else { 0 ms }
    stall = if prefetch { max(0 ms, remote - local) } else { remote }
    {local: local, remote: remote, stall: stall, total: local + stall}
}

## The FengHuang question: with a remote pool streaming pool_bandwidth to each GPU (with
## prefetch), how much local HBM and how many GPUs does serving need at a target time per
## decode step, against HBM alone? On n GPUs each holds T = (weights + KV)/n; alone it
## needs T ≤ usable HBM and T/B_hbm ≤ target; with the pool only L = max(0, T −
## target·pool_bandwidth) must be local (L ≤ usable, L/B_hbm ≤ target).
fn remote_pool(model, context, batch, target, pool_bandwidth, gpu = "H100 SXM", bytes = 2, reserve = default_reserve) {
    g = lookup_gpu(gpu)
    check_dimension("target", target, "Time", "50 ms")
    check_dimension("pool_bandwidth", pool_bandwidth, "DataRate", "200 GB/s")
    usable = usable_hbm(g, reserve)
    alone = nil
    pooled = nil
    for n in 1..4096 {
        m = memory_per_gpu(model.params, g, n, bytes, context, batch, model, reserve)
        if type_of(alone) == "nil" and m.total <= usable and m.total / g.bandwidth <= target { alone = {n: n, local: m.total} }
        L = max(0 GB, m.total - target * pool_bandwidth -> GB)
        if type_of(pooled) == "nil" and L <= usable and L / g.bandwidth <= target { pooled = {n: n, local: L, remote: m.total - L} }
        if type_of(alone) != "nil" and type_of(pooled) != "nil" { break }
    }
    if type_of(alone) == "nil" or type_of(pooled) == "nil" { error("no number of GPUs up to 4096 meets a target of {target}") }
    {gpus_alone: alone.n, gpus_pooled: pooled.n, gpus_saved: 1 - pooled.n / alone.n,
     local_alone: alone.local * alone.n, local_pooled: pooled.local * pooled.n,
     local_saved: 1 - (pooled.local * pooled.n) / (alone.local * alone.n),
     remote: pooled.remote * pooled.n}
}

## Cost per million tokens of gpus GPUs at a price per GPU-hour and a throughput, in USD/Mtok.
## @example use memory; cost_per_million(2 USD/h, 1000 tok/s, gpus: 8)  # 4.444444444444444 USD/Mtok
fn cost_per_million(price, throughput, gpus = 1) {
    check_dimension("price", price, "CostRate", "2.5 USD/h")
    if type_of(throughput) != "quantity" or dimension_of(throughput) == "1" { throughput = throughput * 1 tok/s }
    price * gpus / throughput -> USD/Mtok
}

## Energy per million tokens of gpus GPUs drawing their TDP (an upper bound) at a
## throughput, in kWh/Mtok.
## @example use memory; energy_per_million("H100 SXM", 1000 tok/s, gpus: 8)  # 1.5555555555555556 kWh/Mtok
fn energy_per_million(gpu, throughput, gpus = 1) {
    if type_of(throughput) != "quantity" or dimension_of(throughput) == "1" { throughput = throughput * 1 tok/s }
    lookup_gpu(gpu).tdp * gpus / throughput -> kWh/Mtok
}

"""#####,
        "plot": #####"""
# Figures: each function returns a figure, which the REPL draws in the terminal and a
# notebook writes as an SVG file. Every one takes title, xlabel, ylabel, and xlog/ylog
# for logarithmic axes; units of the data join the axis labels.

## Points at (x, y).
fn scatter(x, y, label = nil, title = nil, xlabel = nil, ylabel = nil, xlog = nil, ylog = nil)
## A line through (x, y).
fn line(x, y, label = nil, title = nil, xlabel = nil, ylabel = nil, xlog = nil, ylog = nil)
## A shaded band between lower and upper over x.
fn band(x, lower, upper, label = nil, title = nil, xlabel = nil, ylabel = nil, xlog = nil, ylog = nil)
## A histogram of v in equal-width bins.
fn hist(v, bins = 20, label = nil, title = nil, xlabel = nil, ylabel = nil, xlog = nil, ylog = nil)
## One bar per label.
fn bar(labels, values, label = nil, title = nil, xlabel = nil, ylabel = nil, xlog = nil, ylog = nil)
## Figures overlaid on one set of axes; a fit result as its data, fitted curve and
## confidence band; or plot(x, y) as a line. Named options: title, xlabel, ylabel, xlog, ylog.
fn plot(...items)

"""#####,
        "power": #####"""
# Power oversubscription (models.md §8). Source: Patel et al., "POLCA: Power
# Oversubscription in LLM Cloud Providers", arXiv:2308.12908 (2023): inference servers
# rarely draw their provisioned power, so a budget holds more servers than nameplate
# allows if power capping covers the rare peaks.
use core/math
use core/vectors
use core/text
use stats/summary

# Checks that x is a power such as 700 W.
fn check_power(what, x) {
    if type_of(x) != "quantity" or dimension_of(x) != "Power" {
        d = dimension_of(x)
        if d == "1" { d = "a plain number" }
        error("{what} must be a Power, like 10 kW; got {x} ({d})")
    }
    if not (x > 0 W) { error("{what} must be positive, got {x}") }
    x
}
# Checks the samples of per-server draw: a non-empty vector of powers.
fn check_samples(samples) {
    if type_of(samples) != "vector" or len(samples) == 0 { error("samples must be a non-empty vector of per-server draws like [410, 520] W") }
    check_power("samples", samples[0])
    samples
}

## Servers that fit a power budget at their provisioned (nameplate) power: floor(budget / provisioned).
## @example use power; servers_at_nameplate(1 MW, 6.5 kW)  # 153
fn servers_at_nameplate(budget, provisioned) = floor(check_power("budget", budget) / check_power("provisioned", provisioned))

## Oversubscription from samples of per-server draw: the largest n with n · P_q ≤ budget,
## P_q the q quantile of the draw (linear interpolation). A record of nameplate (servers
## at the provisioned power, by default the largest sample), servers, gain (servers /
## nameplate − 1) and draw_quantile.
## @example use power; oversubscribed(100 kW, [5, 6, 7, 8, 10] kW, q: 0.5).servers  # 14
fn oversubscribed(budget, samples, q = 0.99, provisioned = nil) {
    check_samples(samples)
    if type_of(provisioned) == "nil" { provisioned = max(samples) }
    if not (q > 0 and q <= 1) { error("q must be in (0, 1], got {q}") }
    n0 = servers_at_nameplate(budget, provisioned)
    pq = quantile(samples, q)
    n = floor(budget / pq)
    gain = if n0 > 0 { n / n0 - 1 } else { inf }
    {nameplate: n0, servers: n, gain: gain, draw_quantile: pq}
}

## The probability that n servers together draw more than the budget, each drawing
## independently like the samples. method: "simulate" (default) sums n draws picked
## with replacement in each of `trials` seeded trials (Park–Miller generator) and counts
## the sums above the budget; "normal" is the central-limit approximation
## P(sum > budget) = ½·erfc((budget − n·mean)/(sd·√(2n))). Real draws are correlated
## (a load surge hits every server), so both understate the risk.
## @example use power; overload_probability(100 kW, 10, [9, 11] kW, method: "normal")  # 0.5
fn overload_probability(budget, n, samples, method = "simulate", trials = 10000, seed = 1) {
    check_power("budget", budget)
    check_samples(samples)
    if not (n >= 1) or floor(n) != n { error("n must be a whole number of servers, got {n}") }
    b = value_of(budget, "W")
    x = value_of(samples, "W")
    if method == "normal" {
        s = sd(x)
        if s == 0 { return if n * x[0] > b { 1 } else { 0 } }
        return 0.5 * erfc((b - n * mean(x)) / (s * sqrt(2 * n)))
    }
    if method != "simulate" { error("method must be \"simulate\" or \"normal\", got \"{method}\"") }
    state = (floor(seed) % 2147483646) + 1
    m = len(x)
    over = 0
    for t in 1..trials {
        total = 0
        for i in 1..n {
            state = (16807 * state) % 2147483647
            total = total + x[floor(state / 2147483647 * m)]
        }
        if total > b { over = over + 1 }
    }
    over / trials
}

"""#####,
        "prelude": #####"""
# The prelude: loaded before every program. It only imports.
use units
use core/math
use core/vectors
use core/text
use core/tables
use stats/summary
use stats/fitting
use plot

"""#####,
        "stats/fitting": #####"""
# Curve fitting on GSL: least squares (gsl_multifit_nlinear), robust losses
# (gsl_multimin), and the scaling laws of models.md sections 1–4. Functions
# without a body are native; a fit returns a record that displays as a table.
use core/math

## The ScaleRL compute curve: reward R at compute C (models.md §1).
## @example sigmoid(1000, 0.6, 2, 1000, 0.2)  # 0.4
fn sigmoid(C, A, B, Cmid, R0) = R0 + (A - R0) / (1 + (Cmid / C) ^ B)
## A power law with an asymptote: E + A / N^alpha (models.md §2).
## @example power_law(100, 1, 10, 1)  # 1.1
fn power_law(N, E, A, alpha) = E + A / N ^ alpha
## A pure power law, A / N^alpha.
## @example pure_power(100, 10, 1)  # 0.1
fn pure_power(N, A, alpha) = A / N ^ alpha
## Coverage after k samples, exp(a·k^b) (models.md §3).
## @example coverage_law(1, -1, -0.5)  # 0.36787944117144233
fn coverage_law(k, a, b) = exp(a * k ^ b)

## Fits model(x, p1, p2, ...) to y by least squares (or loss: "huber"), from start
## (default 1 for each parameter); fix holds parameters constant, lower/upper bound them.
## The result reads f.params.p1, f.stderr.p1, f.ci.p1, f.rss, f.converged, ...
fn fit(model, x, y, start = nil, weights = nil, fix = nil, lower = nil, upper = nil, loss = "squared", delta = 1, max_iter = 1000, level = 0.95)
## Fits the ScaleRL curve R0 + (A − R0)/(1 + (Cmid/C)^B); r0 fixes R0, from drops compute
## below a threshold. Automatic multi-start unless start gives the parameters.
fn fit_sigmoid(C, R, r0 = nil, from = nil, start = nil, weights = nil, max_iter = 1000, level = 0.95)
## Fits E + A/N^alpha; with asymptote: false, A/N^alpha by log–log regression.
fn fit_power(N, L, asymptote = true, start = nil, weights = nil, max_iter = 1000, level = 0.95)
## Fits coverage c = exp(a·k^b) over the number of samples k.
fn fit_coverage(k, c, start = nil, weights = nil, max_iter = 1000, level = 0.95)
## The fitted curve at x; with band: true a table of x, y and the confidence band (delta method).
fn predict(f, x, band = false)
## The x at which a fitted curve reaches y (the compute needed for a target).
fn solve(f, y)
## Refits f on n resamples of its data (rows drawn with replacement, seeded) and gives
## bootstrap standard errors and percentile intervals; stat (a function of the refitted
## parameters, like g => g.A) bootstraps a derived quantity instead. The seed defaults
## to a notebook's params.seed, else 1.
fn bootstrap(f, n = 1000, seed = nil, stat = nil, level = 0.95)

## The x between low and high where f(x) = 0 (GSL's Brent solver); f must change sign there.
## @example round(root(x => x^2 - 2, 0, 2), 12)  # 1.414213562373
fn root(f, low, high)

## The Chinchilla loss law E + A/N^alpha + B/D^beta, for x a record or table with
## fields N (parameters) and D (training tokens).
## @example chinchilla_loss({N: 1e9, D: 2e10}, 400, 400, 1.7, 0.34, 0.28)  # 2.5705069546382315
fn chinchilla_loss(x, A, B, E, alpha, beta) = E + A / x.N ^ alpha + B / x.D ^ beta
## Fits the Chinchilla law to runs of N parameters and D tokens reaching loss L as
## Approach 3 does: Huber loss (delta) on log L, BFGS from a grid of 4,500 starts.
fn fit_chinchilla(N, D, L, delta = 1e-3, start = nil, level = 0.95)
## The compute-optimal split of a budget C (FLOP) under C = 6·N·D for a Chinchilla fit:
## N_opt, D_opt, tokens per parameter and the predicted loss.
fn optimal_allocation(f, C)

## Unbiased pass@k of a problem with c correct out of n samples (Chen et al. 2021),
## computed as a product, never with factorials; n and c may be vectors (one per problem).
## @example pass_at_k(10, 3, 1)  # 0.30000000000000004
fn pass_at_k(n, c, k)
## The data-efficiency multiplier of a recipe reaching loss L with D tokens, against a
## baseline data law `law` = fit_power(D, L): D_eff = (A / (L − E))^(1/alpha).
fn data_efficiency(law, L, D) {
    p = law.params
    if L <= p.E { error("a loss of {L} is at or below the baseline's asymptote E = {p.E}: no amount of baseline data reaches it") }
    D_eff = (p.A / (L - p.E)) ^ (1 / p.alpha)
    {D_eff: D_eff, multiplier: D_eff / D}
}
## Ensemble scaling (models.md §2): for each model size N, fits L = E_K + A_K/K^alpha_K over
## ensemble sizes K, then fits the asymptotes E_K(N) = E + A/N^alpha. E is the joint limit.
fn fit_ensemble(N, K, L, level = 0.95) {
    sizes = unique(N)
    if len(sizes) < 3 { error("fit_ensemble needs at least 3 model sizes to fit E_K(N), got {len(sizes)}") }
    inner = map(sizes, s => fit_power(K[N == s], L[N == s], level: level))
    E_K = map(inner, f => f.params.E)
    outer = fit_power(sizes, E_K, level: level)
    per_size = table(N: sizes, E_K: E_K, E_K_stderr: map(inner, f => f.stderr.E), A_K: map(inner, f => f.params.A), alpha_K: map(inner, f => f.params.alpha))
    {E: outer.params.E, ci: outer.ci.E, law: outer, per_size: per_size, fits: inner}
}

"""#####,
        "stats/summary": #####"""
# Summary statistics. Quantiles come from GSL.
use core/vectors
use core/math

## Arithmetic mean.
## @example mean([1, 2, 3, 4])  # 2.5
fn mean(v) = sum(v) / len(v)
## Sample variance (divides by n − 1, as R and NumPy's ddof=1 do).
## @example var([1, 2, 3, 4])  # 1.6666666666666667
fn var(v) {
    # Two passes, as NumPy does: GSL's running update drifts in the last digit.
    n = len(v)
    if n < 2 { error("var() needs at least 2 values, got {n}") }
    sum((v - mean(v)) ^ 2) / (n - 1)
}
## Sample standard deviation (n − 1).
## @example sd([2, 4, 4, 4, 5, 5, 7, 9])  # 2.138089935299395
fn sd(v) = sqrt(var(v))
## Quantile by linear interpolation (R's type 7, as GSL and NumPy); p may be a vector.
## @example quantile([1, 2, 3, 4], 0.25)  # 1.75
fn quantile(v, p)
## The middle value (the 0.5 quantile).
## @example median([3, 1, 2])  # 2
fn median(v) = quantile(v, 0.5)

"""#####,
        "units": #####"""
# The standard dimensions and units, declared in Calx as a program declares its own.
#
#   dimension Token                        a new base dimension
#   dimension Power = Energy / Time        a named combination (used in messages)
#   unit m, meter, meters: Length [si]     a base unit, its other names, and its prefixes
#   unit h, hour, hours = 3600 s           a unit defined from others
#   unit degC = K [offset: 273.15]         a unit whose zero is elsewhere (temperatures)
#
# [si] allows SI prefixes (k, M, G, m, µ or u, n …) on the symbol and long prefixes
# (kilo, mega …) on the other names; [binary] allows Ki, Mi, Gi, Ti, Pi, Ei.
# Sources: the SI Brochure (9th edition, 2019) and NIST SP 811 for the conversion factors.

dimension Length
dimension Mass
dimension Time
dimension Current
dimension Temperature
dimension Amount
dimension Luminosity
dimension Information
dimension Currency
## Floating-point operations: a dimension of its own, so FLOP/s and FLOP/W are checked.
dimension Compute

dimension Area = Length^2
dimension Volume = Length^3
dimension Speed = Length / Time
dimension Acceleration = Length / Time^2
dimension Frequency = Time^-1
dimension Force = Mass * Length / Time^2
dimension Energy = Mass * Length^2 / Time^2
dimension Power = Energy / Time
dimension Pressure = Force / Area
dimension Charge = Current * Time
dimension Voltage = Power / Current
dimension DataRate = Information / Time
dimension ComputeRate = Compute / Time
dimension ComputePerEnergy = Compute / Energy
dimension CarbonIntensity = Mass / Energy
dimension CostRate = Currency / Time
dimension EnergyPrice = Currency / Energy

# SI base units (the gram rather than the kilogram, so that prefixes work: kg is k + g).
unit m, meter, meters, metre, metres: Length [si]
unit g, gram, grams: Mass [si]
unit s, second, seconds, sec: Time [si]
unit A, ampere, amperes: Current [si]
unit K, kelvin: Temperature [si]
unit mol, mole, moles: Amount [si]
unit cd, candela: Luminosity [si]

# Information, currency and compute.
unit bit, bits: Information [si, binary]
unit B, byte, bytes = 8 bit [si, binary]
unit USD, dollar, dollars: Currency
unit FLOP, flop, FLOPs: Compute [si]

# Time.
unit min, minute, minutes = 60 s
unit h, hour, hours, hr = 3600 s
unit day, days = 86400 s
unit week, weeks = 7 day
## The Julian year: 365.25 days.
unit year, years, yr = 365.25 day

# Mechanics and electricity.
unit Hz, hertz = s^-1 [si]
unit N, newton, newtons = kg * m / s^2 [si]
unit J, joule, joules = N * m [si]
unit W, watt, watts = J / s [si]
unit Wh = W * h [si]
unit Pa, pascal = N / m^2 [si]
unit C, coulomb = A * s [si]
unit V, volt, volts = W / A [si]
unit eV, electronvolt = 1.602176634e-19 J [si]
unit cal, calorie, calories = 4.184 J [si]

# Length, volume and mass outside SI.
unit L, liter, liters, litre, litres = 0.001 m^3 [si]
unit t, tonne, tonnes = 1000 kg [si]
unit mi, mile, miles = 1609.344 m
unit ft, foot, feet = 0.3048 m
unit inch, inches = 0.0254 m
unit lb, pound, pounds = 0.45359237 kg

# Temperatures with an offset zero: convert them, compare them, but do not add them.
unit °C, degC, celsius = K [offset: 273.15]
unit °F, degF, fahrenheit = 5 / 9 * K [offset: 255.37222222222223]

# Dimensionless ratios.
unit %, percent = 0.01
unit ppm = 1e-6

## The speed of light in vacuum (exact).
speed_of_light = 299792458 m/s
## Standard gravity (exact).
standard_gravity = 9.80665 m/s^2
## The Planck constant (exact since 2019).
planck = 6.62607015e-34 J*s
## The Boltzmann constant (exact since 2019).
boltzmann = 1.380649e-23 J/K
## The Avogadro constant (exact since 2019).
avogadro = 6.02214076e23 mol^-1
## The elementary charge (exact since 2019).
elementary_charge = 1.602176634e-19 C

## A quantity's plain number in a unit: value_of(90 min, h) is 1.5. Name the unit in
## quotes when a variable or function has its name: value_of(90 s, "min").
## @example value_of(1.5 h, "min")  # 90
fn value_of(q, unit)
## The dimension of a quantity by name, "1" for a plain number: for checking units in Calx.
## @example dimension_of(3 kWh)  # "Energy"
fn dimension_of(q)

"""#####,
    ]
}
