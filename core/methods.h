#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quantcfg {

/// What a unified quantization method means, whatever the engine (resources/methods/
/// unified-methods.json). Engine spellings and GPU minimums live in the engine profiles.
struct MethodInfo
{
    std::string name;                           ///< "gptq_marlin"
    std::string description;                    ///< one line for people
    std::vector<int> weightBits;                ///< allowed weight_bits; empty when it does not apply
    int activationBits = 0;                     ///< 16 weight-only, 8 W?A8, 0 the checkpoint decides
    std::vector<std::string> checkpointFormats; ///< formats it runs on; "" = unquantized (quantized while loading)
    std::vector<std::string> modelOptAlgos;     ///< ModelOpt quant_algo prefixes that fit (empty: any)
    std::vector<std::string> nameHints;         ///< words in a model id naming a checkpoint it loads
    bool zeroPoint = false;                     ///< integer weights with a zero point per group
    bool marlinFamily = false;                  ///< enable_marlin applies
    std::string checkpointText;                 ///< the formats for a sentence: "gptq", "gptq or awq"

    /// True when the method needs a checkpoint that is already quantized (it cannot quantize an
    /// unquantized one while loading).
    bool needsQuantizedCheckpoint() const;
    /// True when @p format (as core/hardware/checkpoint reads it; "" = unquantized) is one it runs on.
    bool runsOn(std::string_view format) const;
};

/// True when @p modelId ("Qwen/Qwen2.5-7B-Instruct-GPTQ-Int4", "/models/llama-fp8") names a
/// quantization of any kind (a name hint of any method, case-insensitive).
bool modelNameLooksQuantized(std::string_view modelId);

/// The unified methods, in the schema's order, loaded and checked against
/// resources/schema/method-catalogue.schema.json once.
class MethodCatalogue
{
public:
    /// The catalogue compiled into quantcfg. Throws std::runtime_error naming the JSON pointer when
    /// the shipped file breaks its schema (caught by the tests).
    static const MethodCatalogue &builtIn();

    const std::vector<MethodInfo> &all() const { return m_methods; }
    /// The methods that quantize an unquantized checkpoint while loading, for advice: "fp8, bitsandbytes".
    const std::string &quantizingWhileLoading() const { return m_quantizingWhileLoading; }
    /// The method named @p name, or nullptr.
    const MethodInfo *find(std::string_view name) const;

private:
    std::vector<MethodInfo> m_methods;
    std::string m_quantizingWhileLoading;
    std::vector<std::pair<std::string, std::size_t>> m_byName; // name → index, sorted: looked up on every plan
};

} // namespace quantcfg
