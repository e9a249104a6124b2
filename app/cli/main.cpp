#include "cli/cli.h"

#include <iostream>

int main(int argc, char **argv)
{
    std::ios::sync_with_stdio(false);
    return quantcfg::cli::run(std::vector<std::string>(argv, argv + argc), std::cin, std::cout, std::cerr);
}
