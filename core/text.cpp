#include "core/text.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace quantcfg {

namespace {

char lower(char c)
{
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool isVowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Two letters that start English words ("tr" in "tensor"... "st", "gr"): a word that starts with
// another pair of consonants, or a consonant and a digit ("w4a8"), is read letter by letter.
bool isOnset(char a, char b)
{
    static constexpr std::array<std::string_view, 26> kOnsets{"bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "kn", "ph", "pl",
                                                              "pr", "sc", "sh", "sk", "sl", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh"};
    const char pair[2] = {a, b};
    return std::find(kOnsets.begin(), kOnsets.end(), std::string_view(pair, 2)) != kOnsets.end();
}

} // namespace

std::string withArticle(std::string_view word)
{
    std::string_view an = "a ";
    if (!word.empty()) {
        const char first = lower(word[0]);
        const char second = word.size() > 1 ? lower(word[1]) : '\0';
        if (isVowel(first) || first == '8') {
            an = "an ";
        } else if (std::isalpha(static_cast<unsigned char>(first)) && second && !isVowel(second) && second != 'y'
                   && !isOnset(first, second)) {
            // Read as letters: F, H, L, M, N, R, S and X are said with a vowel first ("ef", "em").
            constexpr std::string_view kVowelNamed = "fhlmnrsx";
            if (kVowelNamed.find(first) != std::string_view::npos)
                an = "an ";
        }
    }
    return std::string(an) + std::string(word);
}

std::string counted(long long n, std::string_view singular, std::string_view plural)
{
    std::string out = std::to_string(n) + " ";
    if (n == 1)
        out += singular;
    else if (plural.empty())
        (out += singular) += 's';
    else
        out += plural;
    return out;
}

std::string asciiLower(std::string_view s)
{
    std::string out(s);
    for (char &ch : out)
        if (ch >= 'A' && ch <= 'Z')
            ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

} // namespace quantcfg
