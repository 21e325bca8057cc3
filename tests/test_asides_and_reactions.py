"""Third parties named in an aside, a dated name in the same sentence, and an official placed in a capital
(issue 11): invented events between real states."""
import datetime as dt

from timeline_app.extract.pipeline import extract
from timeline_app.model import Article

REFERENCE = dt.date(2031, 5, 7)          # a Wednesday


def _reactions(text):
    timeline = extract(Article(text=text, reference_date=REFERENCE))
    out: dict[str, set[str]] = {}
    for reaction in timeline.reactions:
        out.setdefault(reaction.text, set()).add(reaction.actor)
    return out


#: Two sides fighting and one accusing the other: the paragraph the stories below open with.
_CLASH_PARAGRAPH = ("Armenia and Azerbaijan traded artillery fire on Monday, and Azerbaijan accused Armenia of "
                    "shelling its villages.\n\n")


def test_states_listed_between_dashes_act_together_beside_a_dated_name():
    # The subject is long only through its aside; "the 1994 Bishkek accord" dates a name, not the meeting.
    sentence = ("Envoys from the three mediators of the 1994 Bishkek accord - France, Russia and the United "
                "States - have been meeting in Vienna since last week with delegations from both countries.")
    text = _CLASH_PARAGRAPH + sentence
    assert _reactions(text)[sentence] == {"france", "russia", "united-states"}


def test_a_spokesman_placed_in_a_capital_speaks_for_its_state():
    sentence = "Both leaders were telephoned on Friday night and urged to show restraint, a spokesman in Paris said."
    text = (_CLASH_PARAGRAPH + "The European Union held an emergency meeting on Friday to discuss the fighting. "
            f"{sentence}")
    assert _reactions(text)[sentence] == {"france"}


def _accounts(text):
    timeline = extract(Article(text=text, reference_date=REFERENCE))
    return {a.text: a.party for a in timeline.accounts}


#: Fighting, then Armenia's president named with his title, then Azerbaijan acting: a story a later "the
#: president" or "he" must be traced back through.
_DECREE_OPENING = (_CLASH_PARAGRAPH + "Armenia's president, Aram Vardanyan, signed a decree on Tuesday.\n\n"
                   "Azerbaijan's army answered with more shelling, and Azerbaijan's engineers dug new trenches.\n\n")


def test_an_office_named_after_a_title_speaks_for_the_titles_holder():
    sentence = ("Under the decree, the old truce plan is void, and the president's office says "
                "any new talks must wait.")
    text = _DECREE_OPENING + f"PRESENTER: How did it come to this? CORRESPONDENT: Well, the president signed it " \
                             f"quickly. {sentence}"
    assert _accounts(text)[sentence] == "armenia"


def test_an_unowned_government_is_the_side_its_paragraph_is_about():
    sentence = "On Wednesday the government said the villages had been retaken."
    text = ("Azerbaijan and Armenia traded artillery fire on Monday, and Azerbaijan accused Armenia of shelling "
            "its villages.\n\nArmenian troops counter-attacked on Tuesday, and Armenian engineers rebuilt the "
            f"bridge at Tavush by nightfall. {sentence}")
    assert _accounts(text)[sentence] == "armenia"


def test_he_after_a_leader_named_by_title_alone_is_that_leaders_side():
    sentence = "He tells the crowd the country will defend every inch of its land."
    text = (_DECREE_OPENING + "CORRESPONDENT: This morning the president is addressing a rally at the stadium. People "
            f"are carrying flags. {sentence}")
    assert _accounts(text)[sentence] == "armenia"


def test_a_sides_position_stated_with_a_copula_is_its_claim():
    sentence = "Baku's position is simple: the villages were never Armenian."
    text = ("Armenia and Azerbaijan traded artillery fire on Monday, and Armenia accused Azerbaijan of shelling "
            f"its villages.\n\n{sentence}")
    assert _accounts(text)[sentence] == "azerbaijan"


def test_he_is_the_person_who_spoke_last_not_the_state_named_since():
    sentence = "He says 12 soldiers were wounded in the night."
    text = (_CLASH_PARAGRAPH + "Azerbaijan's military spokesman, Maj Gen Anar Rustamov, says Azerbaijani jets shot "
            "down two Armenian drones, including a large one, during the night without crossing the border. "
            f"Armenia has not commented on the claim.\n\n{sentence}")
    assert _accounts(text)[sentence] == "azerbaijan"


def test_he_after_a_quotation_of_several_sentences_is_the_one_person_named_before_it():
    text = (_CLASH_PARAGRAPH + "Armenia's Prime Minister Davit Sargsyan has addressed the nation.\n\n"
            "\"The enemy has committed an act of war. Armenia has every right to respond,\" he says.")
    accounts = _accounts(text)
    assert accounts["\"The enemy has committed an act of war."] == "armenia"
    assert accounts["Armenia has every right to respond,\" he says."] == "armenia"


def test_a_rank_written_without_its_period_is_no_part_of_the_name():
    text = (_CLASH_PARAGRAPH + "Azerbaijan's army spokesman, Lt Gen Anar Rustamov, said two posts were hit.")
    timeline = extract(Article(text=text, reference_date=REFERENCE))
    assert "Anar Rustamov" in {a.name for a in timeline.actors if a.kind == "person"}


def test_here_in_a_transcript_is_where_its_correspondent_is():
    text = ("PRESENTER: Good evening. Armenia and Azerbaijan traded artillery fire on Monday, and Azerbaijan "
            "accused Armenia of shelling its villages. Our correspondent is in Yerevan.\n\n"
            "CORRESPONDENT (ARA PETROSYAN): The defence spokesman, Colonel Aram Vardanyan, told reporters here "
            "that two posts were hit.\n\n"
            "CORRESPONDENT (Baku): Officials here say the shelling began from the other side.")
    accounts = _accounts(text)
    assert accounts["CORRESPONDENT (ARA PETROSYAN): The defence spokesman, Colonel Aram Vardanyan, told reporters "
                    "here that two posts were hit."] == "armenia"
    assert accounts["CORRESPONDENT (Baku): Officials here say the shelling began from the other side."] \
        == "azerbaijan"


def test_an_unowned_ministry_is_first_the_side_its_own_paragraph_names():
    sentence = "In a statement issued on Monday, the foreign ministry said the measures were unjustified."
    text = (_CLASH_PARAGRAPH + "Azerbaijan's deputy foreign minister, Anar Rustamov, wrote that Azerbaijan's measures "
            "were the result of a long experience.\n\n"
            f"Armenia has rejected the accusations. {sentence}")
    assert _accounts(text)[sentence] == "armenia"


def test_a_minister_whose_country_holds_a_blocs_presidency_speaks_for_both():
    sentence = ("The Czech foreign minister, Jan Novak, whose country holds the EU presidency, told reporters that "
                "both sides must stop the shelling.")
    text = _CLASH_PARAGRAPH + sentence
    assert _reactions(text)[sentence] == {"czech-republic", "european-union"}


def test_a_body_that_held_talks_chaired_by_a_state_is_the_one_acting():
    sentence = ("Leaders of the G7 group of industrialised nations have held a video call chaired by France's "
                "president, Jean Dupont.")
    text = (_CLASH_PARAGRAPH + f"{sentence} The statement adds that the fighting must stop.")
    reactions = _reactions(text)
    assert "g7" in reactions[sentence]
    assert reactions["The statement adds that the fighting must stop."] == {"g7"}


def test_a_third_partys_act_in_a_one_sentence_paragraph_continues_the_paragraph_before():
    sentence = "Nato is also establishing a network of small command centres in Estonia and Latvia."
    text = (_CLASH_PARAGRAPH + "Nato defence ministers met in Brussels to discuss the fighting between the two "
            f"armies.\n\n{sentence}")
    assert _reactions(text)[sentence] == {"nato"}


def test_a_participle_of_saying_after_a_comma_has_the_main_clauses_subject():
    sentence = ("Armenian state television has broadcast new pictures of a second Azerbaijani soldier held in "
                "Yerevan, saying he admits that the soldiers strayed into Armenian territory.")
    text = f"Armenia and Azerbaijan traded artillery fire on Monday.\n\n{sentence}"
    assert _accounts(text)[sentence] == "armenia"


def test_a_leaders_spokesman_named_by_title_alone_is_not_the_last_speakers():
    first = ("Armenian state television has broadcast new pictures of a second Azerbaijani soldier held in Yerevan, "
             "saying he admits that the soldiers strayed into Armenian territory.")
    second = "The Prime Minister's spokesman called the footage unacceptable."
    text = f"Armenia and Azerbaijan traded artillery fire on Monday.\n\n{first} {second}"
    assert _accounts(text).get(second) != "armenia"


def test_here_is_not_a_country_a_speakers_name_spells():
    from timeline_app.extract.actors import here_state
    from timeline_app.extract.document import read
    text = ("PRESENTER: Armenia and Azerbaijan traded artillery fire on Monday. Our correspondent is in Baku.\n\n"
            "GEORGIA SMITH (recorded): Officials here say the shelling began from the other side.")
    doc = read(text, REFERENCE, "")
    assert here_state(doc, text.index("Officials here")) == "azerbaijan"


def test_the_coast_guard_and_its_spokesperson_are_of_the_coast_guard_named_before():
    first = ("The Armenian vessels had approached the island, according to the coast guard, which said it had "
             "boarded them.")
    second = "\"The responsibility lies entirely with Armenia,\" coast guard spokesperson Anar Rustamov said."
    text = ("Armenia and Azerbaijan clashed at sea on Monday, and Azerbaijan accused Armenia of ramming its ships."
            "\n\nAzerbaijan's version was different, in a statement from the Azerbaijan Coast Guard late on Monday."
            f"\n\n{first} {second}")
    accounts = _accounts(text)
    assert accounts[first] == "azerbaijan"
    assert accounts[second] == "azerbaijan"


def test_the_ministry_is_the_one_named_last_even_in_an_appositive():
    sentence = "\"We urge the Azerbaijani authorities to release them,\" the ministry said."
    text = (_CLASH_PARAGRAPH + "The row erupted on Thursday, when Global Affairs Armenia, the foreign ministry in "
            "Yerevan, wrote about arrests in Azerbaijan. Azerbaijan's education minister said 700 students would be "
            f"moved. {sentence}")
    assert _accounts(text)[sentence] == "armenia"


def test_a_named_speaker_with_a_long_appositive_title_speaks():
    sentence = ("At a briefing in Baku today, Anar Rustamov, a senior official of Azerbaijan's foreign ministry's "
                "department of boundary and ocean affairs, says Armenian vessels have rammed Azerbaijani ships 17 "
                "times.")
    text = f"Armenia and Azerbaijan clashed at sea on Monday.\n\n{sentence}"
    assert _accounts(text)[sentence] == "azerbaijan"


def test_a_namesake_of_another_states_leader_is_of_the_side_the_text_gives():
    # The office-holder list has a Fernando Araujo leading East Timor in March 2008; a foreign minister of that
    # name is a namesake.
    sentence = "Foreign Minister Fernando Araujo later offered an apology for the shelling."
    text = ("YEREVAN - Armenian artillery shelled Azerbaijani villages on Saturday, and Armenia's government "
            f"defended the strikes.\n\n{sentence}")
    timeline = extract(Article(text=text, reference_date=dt.date(2008, 3, 10)))
    assert {a.text: a.party for a in timeline.accounts}[sentence] == "armenia"


def test_states_named_saint_are_also_written_st():
    from timeline_app.extract import gazetteer
    gaz = gazetteer.get()
    assert gaz.lookup("St Vincent and the Grenadines").id == gaz.lookup("Saint Vincent and the Grenadines").id
    assert gaz.lookup("St Lucia").id == gaz.lookup("Saint Lucia").id


def test_a_side_rejecting_the_others_allegation_that_is_the_speaker():
    # "B's allegation that" names B's claim, but the sentence reports A rejecting it.
    sentence = ("Azerbaijan expelled an Armenian envoy and rejected as \"baseless\" President Aram Vardanyan's "
                "allegation that its drones had struck the villages.")
    text = _CLASH_PARAGRAPH + "Armenia's president, Aram Vardanyan, accused Baku of a massacre.\n\n" + sentence
    assert _sides_of(text, sentence) == {"azerbaijan"}


def test_adding_that_after_a_quotation_opens_a_clause_not_an_inverted_speaker():
    sentence = ("Azerbaijan's foreign ministry said the charges \"are absurd,\" adding that Armenia had for years "
                "sheltered armed bands.")
    assert _sides_of(_CLASH_PARAGRAPH + sentence, sentence) == {"azerbaijan"}


def _sides_of(text, sentence):
    """Every side whose account the sentence is (a sentence may be two sides' accounts)."""
    timeline = extract(Article(text=text, reference_date=REFERENCE))
    return {a.party for a in timeline.accounts if a.text == sentence}


def test_a_place_ending_the_clause_before_a_title_is_not_the_titles_state():
    # "the territory of Azerbaijan, Air Force Commander X": Azerbaijan is where, not whose commander.
    text = ("Armenian Air Force denies bombing Azerbaijan's villages\n\nYEREVAN, May 5. Armenian military aircraft "
            "did not carry out any strikes on the territory of Azerbaijan, Air Force Commander Major-General Aram "
            "Petrosyan told reporters on Tuesday.\n\n\"Not a single Armenian plane crossed the border,\" Petrosyan "
            "said. Azerbaijan's foreign ministry said Armenian jets had bombed three villages.")
    accounts = _accounts(text)
    assert {party for sentence, party in accounts.items() if "Petrosyan" in sentence} == {"armenia"}


def test_the_two_governments_after_two_states_named_are_those_two_not_the_sides():
    sentence = ("In Moscow, where President Xi Jinping of China was meeting President Vladimir Putin, the two "
                "governments issued a joint statement urging both sides to stop the shelling.")
    reactions = _reactions(_CLASH_PARAGRAPH + sentence)
    assert reactions[sentence] >= {"russia", "china"}
    assert not _sides_of(_CLASH_PARAGRAPH + sentence, sentence)
    # the sides they urge are objects, not actors of the sentence
    urging = ("In Moscow, where President Xi Jinping of China was meeting President Vladimir Putin, the two "
              "governments issued a joint statement urging Armenia to suspend the shelling and Azerbaijan to pull "
              "back.")
    assert not _sides_of(_CLASH_PARAGRAPH + urging, urging)


def test_a_clause_after_a_name_and_its_comma_is_no_appositive_giving_the_name_a_side():
    from timeline_app.extract.document import read
    text = (_CLASH_PARAGRAPH + "In Minsk, where President Ivan Dorov was meeting President Oleg Varsh, the two "
            "governments issued a statement urging Armenia to stop.")
    people = read(text, REFERENCE).people
    assert people["oleg-varsh"].affiliation != "armenia"


def test_he_after_a_sentence_whose_speaker_is_no_one_known_is_the_one_person_it_named():
    sentence = "Azerbaijan, he said, had broken the truce by shelling the villages."
    text = (_CLASH_PARAGRAPH + "The decision, read out in Yerevan by Aram Petrosyan, the deputy head of Armenia's "
            "security council, was blunt. " + sentence)
    assert _sides_of(text, sentence) == {"armenia"}


def test_they_after_the_two_governments_are_the_two_not_the_side_their_statement_names():
    statement = ("In Moscow, where President Xi Jinping of China was meeting President Vladimir Putin, the two "
                 "governments issued a joint statement urging a truce, a plan that Baku has repeatedly rejected.")
    sentence = "They also called on Baku to pull its troops back."
    text = _CLASH_PARAGRAPH + statement + " " + sentence
    assert not _sides_of(text, sentence)
    assert _reactions(text)[sentence] & {"russia", "china"}


def test_a_leader_telephoned_or_asked_is_the_object_not_the_speaker():
    opening = _CLASH_PARAGRAPH + "Armenia's president, Aram Vardanyan, accused Baku of a massacre.\n\n"
    asked = "Jean Morel, the French president, asked Mr Vardanyan in a phone call on Friday to withdraw his troops."
    text = opening + asked
    assert not _sides_of(text, asked)
    assert "france" in _reactions(text)[asked]
    # the leader called, known to the office-holder data, is no speaker either
    called = "On Tuesday Joe Biden telephoned Mr Putin, urged him to de-escalate and proposed a summit."
    text = ("Russia massed troops on Ukraine's border, and Ukraine accused Russia of preparing an attack.\n\n"
            "Russia's president, Vladimir Putin, said the troops were on exercises.\n\n" + called)
    timeline = extract(Article(text=text, reference_date=dt.date(2021, 4, 14)))
    assert not {a.party for a in timeline.accounts if a.text == called}
    assert "united-states" in {r.actor for r in timeline.reactions if r.text == called}


def test_an_adviser_to_a_titled_office_holder_speaks_for_the_holders_side():
    # Nawaz Sharif's side comes from the office-holder data; his adviser's from him
    sentence = '"We will not stop the construction," Aziz said.'
    text = ("Afghan and Pakistani troops exchanged fire at the Torkham crossing, and Afghanistan accused Pakistan of "
            "building a gate on its soil.\n\nAfghanistan's foreign ministry summoned the Pakistani ambassador.\n\n"
            "Sartaj Aziz, the adviser to Prime Minister Nawaz Sharif on foreign affairs, told the Senate that the "
            "gate was being built well inside our territory.\n\n" + sentence)
    timeline = extract(Article(text=text, reference_date=dt.date(2016, 6, 14)))
    assert {a.party for a in timeline.accounts if a.text == sentence} == {"pakistan"}


def test_an_armed_group_named_as_a_plural_speaks_with_the_bare_verb():
    # British and wire style treat some groups as plural: "The Taliban condemn", "Hezbollah say"
    sentence = "The Taliban condemn the strike as a breach of the peace deal."
    text = ("A US drone strike killed a senior commander in Kabul, and the Taliban vowed revenge.\n\n"
            "The United States said the strike was lawful.\n\n" + sentence)
    timeline = extract(Article(text=text, reference_date=REFERENCE))
    assert {a.party for a in timeline.accounts if a.text == sentence} == {"taliban"}


def test_a_person_acting_in_a_while_clause_acts_beside_the_speaker():
    sentence = ("The African Union's chairman appealed to both sides to stop the shelling, while Gambian President "
                "Ebou Sanneh offered his good offices.")
    assert "gambia" in _reactions(_CLASH_PARAGRAPH + sentence)[sentence]


def test_a_relative_aside_holds_its_date_and_its_names_and_at_the_time_keeps_the_narratives_day():
    aside = ("Iran, whose seizure of the islands in 2019 led to Armenia imposing a blockade, applauded the "
             "ceasefire.")
    then = "At the time, the Armenian army said its units fired only after being attacked."
    text = (_CLASH_PARAGRAPH + "The first clash broke out on 3 March 2030, when an Azerbaijani patrol crossed the "
            f"line.\n\n{then}\n\n{aside}")
    timeline = extract(Article(text=text, reference_date=REFERENCE))
    assert {r.actor for r in timeline.reactions if r.text == aside} == {"iran"}
    assert not [a for a in timeline.accounts if a.text == aside]       # Armenia acts only in the aside
    dates = {e.title: e.time.start.date() for e in timeline.events if e.time is not None and e.time.start}
    assert dt.date(2030, 3, 3) in {d for t, d in dates.items() if "units fired" in t or "fired only" in t}
    assert REFERENCE in {d for t, d in dates.items() if "applauded" in t}


def test_applauding_and_commending_report_the_speaker():
    sentence = "The Armenian foreign ministry applauded the ceasefire and commended the mediators."
    assert _accounts(_CLASH_PARAGRAPH + sentence)[sentence] == "armenia"


def test_third_states_banning_something_react():
    sentence = "France, Germany and Italy have banned similar rallies."
    assert _reactions(_CLASH_PARAGRAPH + "Armenia banned a rally by Azerbaijani ministers on Monday. " + sentence)[
        sentence] == {"france", "germany", "italy"}


def test_the_state_of_an_outlet_that_was_told_does_not_act():
    sentence = "The latter told Iran's Fars news agency that it had taken more than 40 hostages."
    text = _CLASH_PARAGRAPH + "A spokesman for the gunmen called a radio station in Yerevan. " + sentence
    assert "iran" not in _reactions(text).get(sentence, set())
    other = "Germany has been critical of the arrests that followed."
    assert _reactions(_CLASH_PARAGRAPH + other)[other] == {"germany"}
