#include "core/hardware/detect.h"

#include "core/hardware/nvml.h"
#include "core/hardware/process.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <sstream>

namespace quantcfg {

namespace {

const char *const kQueryFields = "index,name,compute_cap,memory.total,driver_version";
const char *const kOldQueryFields = "index,name,memory.total,driver_version";

std::string trim(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> lines(std::string_view text)
{
    std::vector<std::string> out;
    std::istringstream in{std::string(text)};
    for (std::string line; std::getline(in, line);) {
        if (!trim(line).empty())
            out.push_back(line);
    }
    return out;
}

std::vector<std::string> splitCsv(std::string_view line)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto comma = line.find(',', start);
        out.push_back(trim(line.substr(start, comma == std::string_view::npos ? comma : comma - start)));
        if (comma == std::string_view::npos)
            return out;
        start = comma + 1;
    }
}

template<typename T>
bool parseNumber(const std::string &s, T &value)
{
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc() && end == s.data() + s.size();
}

std::string firstLine(const ProcessResult &r)
{
    const std::vector<std::string> ls = lines(r.out + "\n" + r.err);
    return ls.empty() ? std::string("no output") : trim(ls.front());
}

// Drivers before 510 do not know the compute_cap field and say so instead of answering.
bool rejectsComputeCap(const ProcessResult &r)
{
    return r.exitCode != 0 && (r.out + r.err).find("compute_cap") != std::string::npos;
}

// The NVIDIA tools answer "No devices were found" (exit 6) on a machine with a driver but no GPU.
bool saysNoDevices(const ProcessResult &r)
{
    return (r.out + r.err).find("No devices were found") != std::string::npos;
}

ProcessResult runSmi(const DetectOptions &o, const char *fields, Detection &detection)
{
    ProcessResult r = runProcess({o.nvidiaSmi, std::string("--query-gpu=") + fields, "--format=csv,noheader,nounits"},
                                 o.timeoutMs);
    if (r.timedOut) {
        Diagnostic d = makeDiagnostic(Severity::Warning, "gpu.nvidia-smi-timeout",
                            "nvidia-smi did not answer within " + std::to_string(o.timeoutMs)
                                + " ms and was stopped (is the driver hung?)");
        d.suggestion = "choose the GPU by name instead, e.g. --gpu h100";
        detection.diagnostics.push_back(std::move(d));
    }
    return r;
}

bool detectWithNvidiaSmi(const DetectOptions &o, Detection &detection)
{
    ProcessResult r = runSmi(o, kQueryFields, detection);
    if (!r.started) {
        detection.diagnostics.push_back(makeDiagnostic(Severity::Info, r.startError == ENOENT ? "gpu.nvidia-smi-missing" : "gpu.nvidia-smi-failed",
                                             "nvidia-smi could not be run (" + o.nvidiaSmi + ": "
                                                 + (r.startError == ENOENT ? "not found" : "error " + std::to_string(r.startError)) + ")"));
        return false;
    }
    bool withComputeCap = true;
    if (!r.timedOut && rejectsComputeCap(r)) {
        detection.diagnostics.push_back(makeDiagnostic(Severity::Info, "gpu.nvidia-smi-old",
                                             "this nvidia-smi has no compute_cap field (driver before R510); compute "
                                             "capabilities are looked up by GPU name"));
        withComputeCap = false;
        r = runSmi(o, kOldQueryFields, detection);
    }
    if (r.timedOut)
        return true; // a hung driver: report it and try nothing else
    if (saysNoDevices(r)) {
        detection.source = DetectionSource::NvidiaSmi;
        return true;
    }
    if (r.exitCode != 0) {
        detection.diagnostics.push_back(makeDiagnostic(Severity::Warning, "gpu.nvidia-smi-failed",
                                             "nvidia-smi failed (exit code " + std::to_string(r.exitCode) + "): " + firstLine(r)));
        return true;
    }
    detection.source = DetectionSource::NvidiaSmi;
    parseNvidiaSmiQuery(r.out, withComputeCap, detection);
    if (!detection.gpus.empty()) {
        const ProcessResult list = runProcess({o.nvidiaSmi, "-L"}, o.timeoutMs);
        if (list.started && !list.timedOut && list.exitCode == 0)
            parseNvidiaSmiList(list.out, detection);
    }
    return true;
}

void checkAmd(const DetectOptions &o, Detection &detection)
{
    if (o.rocmSmi.empty())
        return;
    const ProcessResult r = runProcess({o.rocmSmi, "--showproductname"}, o.timeoutMs);
    if (!r.started || r.timedOut || r.exitCode != 0)
        return;
    detection.amdGpu = true;
    Diagnostic d = makeDiagnostic(Severity::Warning, "gpu.amd-not-modelled",
                        "an AMD GPU was detected (rocm-smi); quantcfg models NVIDIA GPUs only, so no capability or "
                        "memory checks are made for it");
    d.suggestion = "choose a comparable NVIDIA GPU with --gpu, or check ROCm support in the engines' documentation";
    detection.diagnostics.push_back(std::move(d));
}

void completeFromDatabase(Detection &detection)
{
    for (DetectedGpu &gpu : detection.gpus) {
        gpu.spec = findGpu(gpu.name);
        if (gpu.computeCapability == 0 && gpu.spec) {
            gpu.computeCapability = gpu.spec->computeCapability;
            gpu.computeCapabilityFromDatabase = true;
        }
        if (gpu.computeCapability == 0) {
            detection.diagnostics.push_back(makeDiagnostic(Severity::Warning, "gpu.unknown-model",
                                                 "GPU " + std::to_string(gpu.index) + " (" + gpu.name
                                                     + ") is not in quantcfg's GPU table and the driver did not report "
                                                       "its compute capability"));
        }
        if (const auto arch = architectureFor(gpu.computeCapability))
            gpu.architecture = arch->name;
        if (gpu.memoryGiB <= 0.0 && gpu.spec) {
            gpu.memoryGiB = gpu.spec->memoryGiB;
            detection.diagnostics.push_back(makeDiagnostic(Severity::Info, "gpu.memory-from-table",
                                                 "the driver did not report the memory of GPU " + std::to_string(gpu.index)
                                                     + "; using the table's " + std::to_string(static_cast<int>(gpu.spec->memoryGiB)) + " GiB"));
        }
        if (gpu.memoryGiB <= 0.0) {
            detection.diagnostics.push_back(makeDiagnostic(Severity::Warning, "gpu.memory-unknown",
                                                 "the memory of GPU " + std::to_string(gpu.index) + " (" + gpu.name
                                                     + ") is unknown; memory checks need --gpu with a named GPU"));
        }
        if (gpu.mig) {
            std::string what = "MIG is enabled on GPU " + std::to_string(gpu.index);
            if (gpu.migInstances.empty())
                what += " but no instances could be listed";
            else {
                what += " (instances:";
                for (const MigInstance &m : gpu.migInstances)
                    what += " " + m.profile;
                what += "); memory checks use the smallest instance";
            }
            detection.diagnostics.push_back(makeDiagnostic(Severity::Info, "gpu.mig", what));
        }
    }
    if (detection.mixed()) {
        std::string names;
        for (const DetectedGpu &gpu : detection.gpus)
            names += (names.empty() ? "" : ", ") + std::to_string(gpu.index) + ": " + gpu.name;
        Diagnostic d = makeDiagnostic(Severity::Warning, "gpu.mixed", "the GPUs are of different models (" + names + ")");
        d.suggestion = "set CUDA_VISIBLE_DEVICES to GPUs of one model; tensor parallelism runs at the pace of the slowest";
        detection.diagnostics.push_back(std::move(d));
    }
    if (detection.gpus.empty() && !detection.amdGpu)
        detection.diagnostics.push_back(makeDiagnostic(Severity::Info, "gpu.none", "no NVIDIA GPU was detected"));
}

std::string envOr(const char *name, const std::string &fallback)
{
    const char *v = std::getenv(name);
    return v ? std::string(v) : fallback;
}

} // namespace

const char *detectionSourceName(DetectionSource source)
{
    switch (source) {
    case DetectionSource::Nvml:
        return "nvml";
    case DetectionSource::NvidiaSmi:
        return "nvidia-smi";
    case DetectionSource::None:
        break;
    }
    return "none";
}

bool Detection::mixed() const
{
    return std::any_of(gpus.begin(), gpus.end(), [this](const DetectedGpu &g) { return g.name != gpus.front().name; });
}

DetectOptions DetectOptions::fromEnvironment()
{
    DetectOptions o;
    o.nvmlLibrary = envOr("QUANTCFG_NVML_LIBRARY", o.nvmlLibrary);
    o.nvidiaSmi = envOr("QUANTCFG_NVIDIA_SMI", o.nvidiaSmi);
    o.rocmSmi = envOr("QUANTCFG_ROCM_SMI", o.rocmSmi);
    return o;
}

void parseNvidiaSmiQuery(std::string_view csv, bool withComputeCap, Detection &detection)
{
    const std::size_t expected = withComputeCap ? 5 : 4;
    for (const std::string &line : lines(csv)) {
        const std::vector<std::string> f = splitCsv(line);
        DetectedGpu gpu;
        bool ok = f.size() == expected && parseNumber(f[0], gpu.index) && !f[1].empty();
        if (ok) {
            gpu.name = f[1];
            if (withComputeCap)
                gpu.computeCapability = parseComputeCapability(f[2]).value_or(0); // "[N/A]" → unknown
            double mib = 0.0;
            if (parseNumber(f[expected - 2], mib)) // "[N/A]" on unified-memory systems → unknown
                gpu.memoryGiB = mib / 1024.0;
            gpu.driverVersion = f[expected - 1];
        }
        if (!ok) {
            Diagnostic d = makeDiagnostic(Severity::Warning, "gpu.unparsed-line", "could not read nvidia-smi line: " + trim(line));
            d.value = trim(line);
            detection.diagnostics.push_back(std::move(d));
            continue;
        }
        if (detection.driverVersion.empty())
            detection.driverVersion = gpu.driverVersion;
        detection.gpus.push_back(std::move(gpu));
    }
}

void parseNvidiaSmiList(std::string_view listing, Detection &detection)
{
    DetectedGpu *current = nullptr;
    for (const std::string &raw : lines(listing)) {
        const std::string line = trim(raw);
        if (line.rfind("GPU ", 0) == 0) {
            int index = -1;
            const auto colon = line.find(':');
            current = nullptr;
            if (colon != std::string::npos && parseNumber(line.substr(4, colon - 4), index)) {
                for (DetectedGpu &g : detection.gpus) {
                    if (g.index == index)
                        current = &g;
                }
            }
        } else if (line.rfind("MIG ", 0) == 0 && current) {
            // "MIG 3g.40gb     Device  0: (UUID: MIG-...)"
            MigInstance inst;
            inst.profile = trim(line.substr(4, line.find(' ', 4) - 4));
            inst.memoryGiB = migProfileMemoryGiB(inst.profile);
            current->mig = true;
            current->migInstances.push_back(std::move(inst));
        }
    }
}

double migProfileMemoryGiB(std::string_view profile)
{
    // "3g.40gb", "1g.10gb+me", "1c.3g.40gb": the number between the last '.' and "gb".
    const auto gb = profile.find("gb");
    const auto dot = gb == std::string_view::npos ? gb : profile.rfind('.', gb);
    if (dot == std::string_view::npos)
        return 0.0;
    double value = 0.0;
    const std::string digits(profile.substr(dot + 1, gb - dot - 1));
    return parseNumber(digits, value) ? value : 0.0;
}

Detection detectGpus(const DetectOptions &options)
{
    Detection detection;
    const bool viaNvml = !options.nvmlLibrary.empty() && detail::detectWithNvml(options.nvmlLibrary, detection);
    if (!viaNvml && !options.nvidiaSmi.empty())
        detectWithNvidiaSmi(options, detection);
    if (detection.gpus.empty())
        checkAmd(options, detection);
    completeFromDatabase(detection);
    return detection;
}

GpuTarget targetFromDetected(const DetectedGpu &gpu, int count)
{
    GpuTarget t;
    t.name = gpu.name;
    t.computeCapability = gpu.computeCapability;
    t.memoryGiB = gpu.memoryGiB;
    t.architecture = gpu.architecture;
    t.databaseName = gpu.spec ? gpu.spec->name : std::string();
    t.count = count;
    double smallestInstance = 0.0;
    for (const MigInstance &m : gpu.migInstances) {
        if (m.memoryGiB > 0.0 && (smallestInstance == 0.0 || m.memoryGiB < smallestInstance))
            smallestInstance = m.memoryGiB;
    }
    if (smallestInstance > 0.0)
        t.memoryGiB = smallestInstance;
    return t;
}

GpuChoice chooseGpu(std::string_view spec, const DetectOptions &options)
{
    if (spec != "detected" && spec != "auto")
        return resolveGpuName(spec);
    GpuChoice choice;
    Detection detection = detectGpus(options);
    for (Diagnostic &d : detection.diagnostics) {
        if (d.severity != Severity::Info)
            choice.diagnostics.push_back(std::move(d));
    }
    if (detection.gpus.empty()) {
        Diagnostic d = makeDiagnostic(Severity::Error, "gpu.none-detected", "--gpu detected: no NVIDIA GPU was found");
        d.suggestion = "name the GPU instead, e.g. --gpu h100 or --gpu sm_89";
        choice.diagnostics.push_back(std::move(d));
        return choice;
    }
    const DetectedGpu &first = detection.gpus.front();
    const auto same = std::count_if(detection.gpus.begin(), detection.gpus.end(),
                                    [&](const DetectedGpu &g) { return g.name == first.name; });
    choice.target = targetFromDetected(first, static_cast<int>(same));
    return choice;
}

} // namespace quantcfg
