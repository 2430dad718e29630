using System.Linq;
using System.Collections.Generic;
using System.IO;
using BoardGen.Model;

namespace BoardGen.Checks;

public static class AllChecks
{
    /// <summary>Every check on one variant; the document-name check once for the default variant.</summary>
    public static List<Finding> Run(Board board, string repo)
    {
        var f = new List<Finding>();
        f.AddRange(Erc.Run(board));
        f.AddRange(FootprintPads.Check(board, repo));
        f.AddRange(PinCheck.Run(board, repo));
        f.AddRange(I2cCheck.Run(board, repo));
        f.AddRange(SafetyCheck.Run(board));
        f.AddRange(CirCheck.Run(board, Path.Combine(repo, "hardware", "sense-frontend.cir")));
        f.AddRange(LoadWatchCheck.Run(board, Path.Combine(repo, "hardware", "load-watch.cir")));
        if (board.IsDefault)
        {
            var otherChips = BoardReader.ReadVariants(Path.Combine(repo, "hardware", "board")).SelectMany(b => b.Parts.Keys).Where(r => r.StartsWith('U'));
            f.AddRange(NameCheck.Run(board, repo, NameCheck.Documents(repo), otherChips));
        }
        return f;
    }
}
