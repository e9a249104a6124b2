#pragma once

#include <string>
#include <string_view>

namespace quantcfg {

/// @p s with ASCII letters lower-cased (engine, flag, format and GPU names are ASCII; other bytes
/// are kept as they are, so UTF-8 passes through unchanged).
std::string asciiLower(std::string_view s);

/// @p word with its indefinite article, for English messages: "an awq", "a gptq". "an" goes before
/// a vowel sound: a word that starts with a vowel ("an awq checkpoint", "an unquantized model"), an
/// 8 ("an 8-bit"), or an abbreviation read letter by letter whose first letter's name starts with
/// one ("an fp8 KV cache", "an mxfp4 checkpoint", "an SGLang option"; but "a gguf file", "a vLLM
/// option"). An abbreviation is a word whose first two characters cannot begin an English word.
std::string withArticle(std::string_view word);

/// @p n with the noun that fits it: counted(1, "sequence") is "1 sequence", counted(4,
/// "sequence") "4 sequences". @p plural defaults to @p singular + "s".
std::string counted(long long n, std::string_view singular, std::string_view plural = {});

} // namespace quantcfg
