import RubricModel

/// The rubric as a coach reads it (`assess rubric show`): levels, thresholds, gates, questions with their
/// options and points, recommendations with triggers and effort.
public enum RubricText {
    public static func render(_ rubric: Rubric, dimensions: [RubricDimension], language: String) -> String {
        let l = Labels(language: language)
        var out = "\(rubric.title.text(language)) — \(rubric.id) \(rubric.version)\n"
        out += String(repeating: "=", count: 60) + "\n\n"
        out += l.pick("Stufen", "Levels") + ":\n"
        for level in rubric.levels {
            out += "  \(level.level) \(level.name.text(language)): \(level.description.text(language))\n"
        }
        out += "\n"
        for dimension in dimensions {
            out += "\(dimension.title.text(language)) [\(dimension.id)]\n"
            out += String(repeating: "-", count: 60) + "\n"
            out += wrap(dimension.description.text(language), indent: "") + "\n"
            out += l.pick("Gewicht", "Weight") + ": \(dimension.weight)\n\n"
            out += l.pick("Stufenbeschreibungen", "Level descriptors") + ":\n"
            for (index, descriptor) in dimension.levelDescriptors.enumerated() {
                let threshold = index == 0 ? "" : " (\(l.pick("ab", "from")) \(Format.number(dimension.threshold(for: index + 1), decimals: 1, fixed: false, language: language)))"
                out += wrap("\(index + 1)\(threshold): \(descriptor.text(language))", indent: "  ") + "\n"
            }
            if !dimension.gates.isEmpty {
                out += "\n" + l.pick("Bedingungen", "Gates") + ":\n"
                for gate in dimension.gates {
                    out += "  " + l.pick("Stufe \(gate.level)+ erfordert: ", "level \(gate.level)+ requires: ") + gate.label.text(language) + " [\(gate.id)]\n"
                }
            }
            out += "\n" + l.pick("Fragen", "Questions") + ":\n"
            for (index, question) in dimension.questions.enumerated() {
                var flags: [String] = [question.type.rawValue, l.pick("Gewicht", "weight") + " \(question.weight)"]
                if question.required { flags.append(l.pick("Pflicht", "required")) }
                if question.allowsDontKnow { flags.append("dont-know") }
                if question.allowsNotApplicable { flags.append("not-applicable") }
                if question.appliesWhen != nil { flags.append(l.pick("Filterfrage", "conditional")) }
                out += wrap("\(index + 1). \(question.text.text(language)) [\(question.id); \(flags.joined(separator: ", "))]", indent: "  ") + "\n"
                for option in question.options {
                    out += "       \(option.points)  \(option.id) — \(option.label.text(language))\n"
                }
                if question.type == .yesno {
                    out += "       \(question.yesPoints)  yes — \(l.yes)\n       \(question.noPoints)  no — \(l.no)\n"
                }
                for band in question.bands {
                    let from = Format.number(band.from, decimals: 2, fixed: false, language: language)
                    let range = band.to.map { "\(from) – <\(Format.number($0, decimals: 2, fixed: false, language: language))" } ?? "≥ \(from)"
                    let unit = question.type == .date ? l.pick(" Monate", " months") : (question.type == .percent ? " %" : "")
                    out += "       \(band.points)  \(range)\(unit)\n"
                }
            }
            if !dimension.recommendations.isEmpty {
                out += "\n" + l.pick("Empfehlungen", "Recommendations") + ":\n"
                for recommendation in dimension.recommendations {
                    var meta = [l.session(recommendation.session), Format.hours(recommendation.hours, language: language)]
                    if recommendation.homeworkHours > 0 {
                        meta.append(l.pick("+ Eigenarbeit ", "+ own work ") + Format.hours(recommendation.homeworkHours, language: language))
                    }
                    meta.append(l.pick("Wirkung ", "impact ") + l.impact(recommendation.impact))
                    if recommendation.priority == .blocker, let kind = recommendation.blocker {
                        meta.append(l.pick("Blockade: ", "blocker: ") + l.blocker(kind))
                    } else if recommendation.priority == .continuity {
                        meta.append(l.agendaClass(.continuity))
                    }
                    out += wrap("• \(recommendation.title.text(language)) [\(recommendation.id)] — \(meta.joined(separator: ", "))", indent: "  ") + "\n"
                    out += wrap(recommendation.text.text(language), indent: "      ") + "\n"
                }
            }
            out += "\n"
        }
        if let reviewed = rubric.legalNotesReviewed, !rubric.legalNotes.isEmpty {
            out += l.pick("Rechtliche Hinweise (Stand \(reviewed))", "Legal notes (last reviewed \(reviewed))") + ":\n"
            for note in rubric.legalNotes {
                out += "  \(note.title.text(language)) [\(note.id)]\n" + wrap(note.text.text(language), indent: "      ") + "\n"
            }
        }
        return out
    }

    /// Wraps text at 100 columns, continuing lines with `indent` plus two spaces.
    static func wrap(_ text: String, indent: String, width: Int = 100) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if line.count + word.count + 1 > width, line.trimmingCharacters(in: .whitespaces).count > 0 {
                lines.append(line)
                line = indent + "  "
            }
            line += (line.hasSuffix(" ") || line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}

import Foundation
