"""Choosing the sides (issue 11): the state an act of force comes close to is a side, a state that only
comments on "the launches" is not opposed to the one launching, and a regional bloc sanctioning a state is that
state's opponent. Invented events between real states and bodies."""
import datetime as dt

from timeline_app.extract.pipeline import extract
from timeline_app.model import Article

REFERENCE = dt.date(2031, 5, 7)


def _timeline(text, **fields):
    return extract(Article(text=text, reference_date=REFERENCE, **fields))


ARTICLE = """Azerbaijan's missiles splash down off Armenia

Another Azerbaijani missile splashed into the sea off Armenia's southern coast early today, the third since Friday. \
Azerbaijan announced last week that its army would test-fire missiles into two zones near the port.

Azerbaijan insists the exercises are a domestic matter. "No foreign country has any right to interfere," a foreign \
ministry spokesman told reporters in Baku.

France, whose warships sail nearby, has also protested. The French foreign minister said on Friday that the launches \
were "regrettable" and asked Azerbaijan to show restraint. The French president told parliament that Paris was \
watching with concern. France said it would send a frigate.

Azerbaijan fired six missiles into the sea north of Armenia last year.
"""


def test_the_state_missiles_land_off_is_a_side_and_the_protesting_state_reacts():
    timeline = _timeline(ARTICLE)
    assert {p.id for p in timeline.parties} == {"armenia", "azerbaijan"}
    assert "france" in {r.actor for r in timeline.reactions}


BLOC_ARTICLE = """Bloc's sanctions bite as Niger recalls envoys

NIAMEY (wire) - Niger's military rulers on Monday called for protests against sanctions that the Economic \
Community of West African States imposed on the country over the weekend.

At a summit in Abuja on Sunday, ECOWAS leaders agreed to suspend trade with Niger, freeze Nigerien state assets at \
the regional central bank and recall their ambassadors from Niamey.

Niger said it was recalling its own ambassadors from ECOWAS member states in return and condemned the sanctions as \
illegal.

"The door remains open, but the sanctions will stay until a timetable for elections is agreed," said the chairman \
of ECOWAS.

Niger's prime minister accused France of using the bloc to punish Niger, and later accused France of meddling.

ECOWAS said its court would hear any appeal. Niger will ask neighbouring states for help.
"""


def test_a_bloc_sanctioning_a_state_is_its_opponent_not_the_state_it_blames():
    timeline = _timeline(BLOC_ARTICLE)
    assert [p.id for p in timeline.parties] == ["niger", "ecowas"]
    said = "ECOWAS said its court would hear any appeal."
    assert {a.text: a.party for a in timeline.accounts}[said] == "ecowas"


WAR_ON_A_STATE = """NATO's bombs fall on Kazakhstan

For the first time in its history, NATO last night went to war against a sovereign state. Bombs dropped by allied \
aircraft struck air defence sites across the country, and sirens sounded in the capital.

The NATO secretary general said in Brussels that the alliance had acted to protect civilians. "We have no quarrel \
with the Kazakh people," he said.

Kazakhstan's army claimed its air defences had shot down two NATO aircraft, a claim the alliance denied. Russia \
condemned the strikes and Russia's president called them a grave mistake. Russia said it would raise the matter at \
the Security Council, and Moscow recalled its military envoy from Brussels.
"""


def test_an_alliance_whose_bombs_the_title_drops_on_a_state_is_the_other_side():
    # The title says what the story is: NATO against Kazakhstan, though only one sentence of the body names both.
    timeline = _timeline(WAR_ON_A_STATE)
    assert [p.id for p in timeline.parties] == ["kazakhstan", "nato"]
    retitled = _timeline(WAR_ON_A_STATE.replace("NATO's bombs fall on Kazakhstan", "A night of sirens"))
    assert "nato" not in [p.id for p in retitled.parties]


COALITION_ARTICLE = """Azerbaijan says it will not answer its neighbours' blockade as Kazakhstan mediates

Azerbaijan's foreign minister has said his country will not retaliate against Armenia, Georgia, Iran and Turkey, \\
a day after the four states cut diplomatic ties with Baku and closed their borders to it.

"We are not going to take any counter-measures," he said on Tuesday.

Armenia said it was acting to protect its national security. Georgia's foreign ministry accused Baku of supporting \\
militant groups.

Turkey has also expelled Azerbaijani diplomats, and Iran recalled its ambassador.

Kazakhstan's president telephoned the leaders on Monday and offered to mediate.
"""


def test_states_listed_as_the_target_of_one_side_are_all_sides_and_the_mediator_reacts():
    timeline = _timeline(COALITION_ARTICLE)
    assert {p.id for p in timeline.parties} == {"azerbaijan", "armenia", "georgia", "iran", "turkey"}
    assert "kazakhstan" in {r.actor for r in timeline.reactions}


def test_the_bloc_and_its_chairman_speak_for_the_bloc_side():
    text = BLOC_ARTICLE + (
        "\nThe bloc called the junta's timetable \"totally unacceptable\".\n\n"
        "\"We are determined to restore order. The sanctions will remain,\" Ghanaian President Kwame Mensah, the "
        "current chairman of ECOWAS, told the closing session.\n")
    accounts: dict[str, set[str]] = {}
    for account in _timeline(text).accounts:
        accounts.setdefault(account.text, set()).add(account.party)
    assert accounts["The bloc called the junta's timetable \"totally unacceptable\"."] == {"ecowas"}
    assert "ecowas" in accounts["\"We are determined to restore order."]


ALLIANCE_ARTICLE = """Armenia protests after NATO missiles hit its embassy in Minsk

YEREVAN, May 8 -- The Armenian government on Saturday condemned the missile attack by NATO on the Armenian \
embassy in Minsk and lodged the strongest protest.

The embassy was hit by three missiles fired by NATO aircraft overnight, killing two Armenian diplomats.

"NATO must bear full responsibility," the Armenian foreign ministry said. Russia also condemned the strike.

Since March, NATO has carried out air strikes against Belarus, a campaign Armenia has opposed from the beginning.
"""


def test_an_alliance_whose_aircraft_struck_a_state_is_that_states_opponent():
    timeline = extract(Article(text=ALLIANCE_ARTICLE, reference_date=dt.date(2031, 5, 10)))
    assert [p.id for p in timeline.parties] == ["armenia", "nato"]


def test_every_side_of_a_coordinated_subject_does_the_act():
    text = ("Armenia and Georgia strike Azerbaijani targets; Baku vows to retaliate\n\n"
            "Armenia and Georgia struck targets in Azerbaijan overnight, after weeks of attacks on their convoys.\n\n"
            "The Armenian defence ministry says 20 targets were hit. Georgian Prime Minister Levan Vosk says four "
            "Georgian jets took part. Armenia and Georgia also shelled Azerbaijani border posts on Tuesday.\n\n"
            "Azerbaijan says five soldiers were killed and warns that Armenia and Georgia will pay a heavy price.")
    timeline = _timeline(text, title=text.splitlines()[0])
    assert {p.id for p in timeline.parties} == {"armenia", "georgia", "azerbaijan"}
    assert not [r for r in timeline.reactions if r.actor in ("armenia", "georgia")]


def test_a_state_wires_credit_in_the_dateline_is_not_its_state_acting():
    text = ("BAKU, May 5 (Xinhua) -- Azerbaijani forces shelled Armenian positions on Thursday, and Armenia said it "
            "had returned fire. Azerbaijan said Armenia had attacked first. Armenia's defence ministry denied it.\n\n"
            "Russia urged both sides to show restraint.")
    timeline = _timeline(text)
    assert {p.id for p in timeline.parties} == {"armenia", "azerbaijan"}
    choice_scores = _party_scores(text)
    assert "china" not in choice_scores


def _party_scores(text):
    from timeline_app.extract.actors import choose_parties
    from timeline_app.extract.document import read
    return choose_parties(read(text, REFERENCE)).scores


def test_a_state_rejecting_anothers_claim_disputes_with_it():
    # Only words between the two states: one rejects the other's claim; a group is struck and says nothing.
    text = ("Kazakhstan rejects Uzbek 'strike' claim\n\n"
            "Kazakhstan on Thursday rejected Uzbekistan's claim that its troops had carried out strikes on "
            "Hezbollah launch pads across the border. Uzbekistan said its forces had struck Hezbollah camps and "
            "had hit Hezbollah fighters. Kazakhstan said two of its soldiers had been killed in cross-border firing, "
            "and Kazakhstan's foreign ministry said the claim was an illusion. Uzbekistan said the operation was over.")
    timeline = _timeline(text)
    assert {p.id for p in timeline.parties} == {"kazakhstan", "uzbekistan"}


def test_a_bloc_that_bans_a_states_airlines_and_closes_its_airspace_is_the_other_side():
    text = ("EU bars Uzbek airlines after forced landing of jet\n\n"
            "RIGA, Latvia - European Union leaders agreed Monday to close the bloc's airspace to Uzbek airlines after "
            "Uzbekistan forced a passenger jet to land in Tashkent. Latvia's foreign minister said the landing was "
            "outrageous.\n\n"
            "\"This is an attack on democracy,\" the European Union's chief said. The EU imposed earlier sanctions "
            "on Uzbek officials. Uzbekistan said the jet had landed because of a bomb threat, and Uzbekistan's "
            "foreign ministry called the EU's decision hostile.")
    timeline = _timeline(text)
    assert [p.id for p in timeline.parties] == ["uzbekistan", "european-union"]


def test_a_foreign_state_that_only_condemns_a_coup_is_no_second_side():
    text = ("Gunmen storm Uzbek parliament, take ministers hostage\n\n"
            "TASHKENT (AP) -- Armed men led by a failed businessman stormed Uzbekistan's parliament on Friday and "
            "took the prime minister and 30 lawmakers hostage. Uzbekistan's president declared a state of emergency "
            "and said the army would restore order. Uzbek police sealed off the building, and Uzbekistan's army "
            "chief said troops were ready. The gunmen said they would hold the hostages until Uzbekistan's "
            "constitution was changed.\n\n"
            "In Canberra, Kazakhstan's foreign minister said Kazakhstan condemned the coup.")
    timeline = _timeline(text)
    assert [p.id for p in timeline.parties] == ["uzbekistan"]
    assert "kazakhstan" in {r.actor for r in timeline.reactions}


def test_a_states_counted_craft_are_its_forces_not_people_counted():
    text = ("Ukraine imposes martial law after Russia seizes its ships\n\n"
            "Ukraine's parliament voted on Monday to impose martial law after Russia fired on and seized three "
            "Ukrainian naval vessels off the coast. Russia said the ships had entered its waters illegally, and "
            "Russia's foreign minister said Russia would defend its borders.\n\n"
            "Russia annexed the peninsula in 2029, and Kiev's forces have since fought Russian-backed separatists "
            "in the east. Germany called for restraint.")
    timeline = _timeline(text)
    assert {p.id for p in timeline.parties} == {"russia", "ukraine"}


def test_an_acts_objects_lie_in_its_own_clause():
    text = ("Uzbekistan says Kazakhstan seized border post, Turkey steps in to mediate\n\n"
            "Uzbekistan accused Kazakhstan on Monday of seizing a border post after three days of fighting, as "
            "Turkey and Iran moved to mediate between the two neighbours.\n\n"
            "Kazakhstan said its troops had acted in self-defence. Turkey's president telephoned both leaders and "
            "offered to host talks.")
    timeline = _timeline(text)
    assert {p.id for p in timeline.parties} == {"uzbekistan", "kazakhstan"}


def test_a_state_named_after_a_place_it_is_coordinated_with_is_a_place_too():
    # "in Iraq and Syria": both are where the strikes fell, neither is struck as a side.
    text = ("Turkey strikes PKK bases\n\nTurkey carried out air strikes on Sunday against five bases in Iraq and "
            "Syria belonging to the PKK, a Kurdish militia.\n\nThe PKK said 12 fighters were killed. \"This will "
            "be answered,\" a PKK spokesman said.\n\nTurkey said the strikes would go on. The defence minister "
            "said the PKK had been warned.")
    assert {p.id for p in _timeline(text).parties} == {"turkey", "pkk"}


#: A state-versus-group story where a third state, named a few times, is said to back the group and speaks.
BACKER_ARTICLE = """Israel strikes Hezbollah posts after border raid

Israel struck dozens of Hezbollah positions in southern Lebanon on Thursday after the group killed three soldiers in a cross-border raid, the Israeli military said. Israeli jets hit bridges and roads, and Israeli artillery shelled villages near the border.

Hezbollah fired rockets at northern Israel and said it would not release two captured soldiers. "The prisoners will be returned only through indirect negotiations," Hezbollah leader Hassan Nasrallah said at a news conference in Beirut.

Prime Minister Ehud Olmert said Hezbollah's raid was "an act of war" and vowed a "very painful" response. Israeli officials said the offensive would continue until the soldiers were freed. Hezbollah said Israeli strikes had killed 20 civilians.

"We hold Iran, which openly supports Hezbollah, responsible," an Israeli spokesman said. Iran's foreign ministry said the accusation was baseless. Iranian officials in Tehran said Israel would regret it.

France and Egypt called for restraint. The United Nations Security Council met in emergency session.
"""


def test_a_state_the_text_says_backs_the_group_is_a_side_when_it_speaks_however_rarely_named():
    # "Iran, which openly supports Hezbollah": a relative clause between the backer and the group; Iran is
    # named three times against the dozens of the two sides, and answers: the third side.
    assert [p.id for p in _timeline(BACKER_ARTICLE).parties] == ["israel", "hezbollah", "iran"]
    # "arms and directs": both verbs keep the group in the field (lexicon backing_verbs)
    directs = BACKER_ARTICLE.replace('"We hold Iran, which openly supports Hezbollah, responsible," an Israeli '
                                     'spokesman said.', "Israeli officials say Iran arms and directs Hezbollah.")
    assert directs != BACKER_ARTICLE
    assert [p.id for p in _timeline(directs).parties] == ["israel", "hezbollah", "iran"]


#: A missile test: no act against anyone, the state that tested it and the one that condemns it are the sides.
TEST_ARTICLE = """North Korea says it tested a new long-range missile

SEOUL — North Korea said on Tuesday that it had successfully tested a new intercontinental ballistic missile, a launch that American officials later confirmed.

The missile flew for 39 minutes before falling into the sea, according to the South Korean military. State television said the test had been overseen by the country's leader.

Secretary of State Rex Tillerson said the United States "strongly condemns" the launch. The State Department said the United States would bring the matter to the Security Council. American officials said the United States was weighing new sanctions. The Pentagon said the United States was ready to defend its allies.

American officials said the United States was weighing sanctions on Chinese banks that do business with the North. Chinese officials said China opposed the test.

China's foreign ministry said China urged restraint. Beijing said China had not been told of the launch in advance.
"""


def test_a_sanction_only_weighed_is_too_weak_an_opposition_to_outweigh_the_side_that_acted():
    # The United States "weighing sanctions on Chinese banks" opposes it to China only weakly (a diplomatic
    # act): North Korea, which tested the missile and is named more, is the other side.
    assert [p.id for p in _timeline(TEST_ARTICLE).parties] == ["united-states", "north-korea"]


def test_a_name_after_a_place_and_a_comma_is_no_place_coordinated_with_it():
    # "off Cyprus, the Cypriot government said": the comma ends the clause; Cyprus is the side threatened
    text = ("Cyprus says Turkish warships blocking drill ship in its waters\n\nTurkish warships have stopped an "
            "Italian-owned drilling rig from reaching a gas prospect off Cyprus, the Cypriot government said "
            "Sunday, accusing Ankara of violating international law.\n\nGovernment spokesman Nikos Christodoulides "
            "said the ship, operated for Italy's Eni, was halted by Turkish navy vessels. \"These are actions "
            "that violate international law,\" he said. Turkey says the blocks licensed by Nicosia overlap with "
            "its own continental shelf, and Turkey's foreign minister warned foreign companies.")
    assert {p.id for p in _timeline(text).parties} == {"cyprus", "turkey"}


def test_a_state_named_along_or_under_a_border_is_where_the_strikes_fell():
    text = ("Israel pounds Hamas tunnels\n\nJERUSALEM — Israel pressed its air campaign against Hamas in the Gaza "
            "Strip, striking smuggling tunnels along the Egyptian border.\n\n"
            "The air force struck about 40 tunnels under the Egyptian border on Sunday, a spokeswoman said. "
            "Hamas said the strikes killed 30 people. Egypt said it had warned Hamas. Egyptian officials said "
            "Egypt opened its crossing for the wounded, and Egypt's foreign minister criticized Israel.")
    assert {p.id for p in _timeline(text).parties} == {"israel", "hamas"}


UNNAMED_GROUP_ARTICLE = """Militants seize hostages at Kalvoria mine

Islamist militants have attacked a copper mine in Kenya, killing two guards and taking foreign workers hostage.

Kenyan Interior Minister Otieno Barasa said troops had surrounded the compound, where some 30 people were held.

A spokesman for the militants told a local radio station that the hostages would be killed if troops attempted a \
rescue. "We are holding the Kenyan government responsible," the spokesman said.

Mr Barasa said the government would not negotiate with the militants.

The UK Foreign Office said it was "deeply concerned" and urged restraint.
"""


def test_an_armed_group_the_text_never_names_but_lets_speak_is_a_side():
    timeline = _timeline(UNNAMED_GROUP_ARTICLE)
    assert {p.name for p in timeline.parties} == {"Kenya", "Islamist militants"}
    militants = next(p.id for p in timeline.parties if p.name == "Islamist militants")
    assert any(a.party == militants and "hostages would be killed" in a.text for a in timeline.accounts)
    assert "united-kingdom" in {r.actor for r in timeline.reactions}


def test_fighters_who_only_attack_leave_the_sides_to_the_named_states():
    text = ("Militants attack Kenyan army base\n\nMilitants have attacked an army base in Kenya, killing 17 soldiers, "
            "the army says.\n\nKenya's defence minister accused Somalia of sheltering the attackers. The militants "
            "crossed the border from Somalia before the attack, an army officer said.\n\nSomalia's foreign ministry "
            "denied any role and called the accusation baseless.\n")
    assert "militants" not in {p.name.lower() for p in _timeline(text).parties}


def test_a_measure_between_two_states_named_beside_a_bloc_keeps_the_second_state():
    text = ("Armenia recalls ambassador from Georgia amid EU rifts\n\n"
            "Armenia has recalled its ambassador to Georgia amid sharp divisions among EU states over the border "
            "crisis. It acted after Georgia hosted a meeting on the crisis to which Armenia was not invited.\n\n"
            "EU interior ministers met in Brussels to try to heal rifts. The EU's commissioner warned the EU's "
            "border system could break down. EU states are divided, and the EU summit is due in March.\n\n"
            "Armenia's foreign ministry said the ambassador was recalled to safeguard relations with Georgia.")
    assert {p.id for p in _timeline(text, title=text.splitlines()[0]).parties} == {"armenia", "georgia"}


def test_a_state_acting_together_with_a_side_and_speaking_is_a_side():
    text = ("French jets strike rebel bases\n\n"
            "French jets struck three Ansar Dine bases overnight, the French defence minister said.\n\n"
            "Ansar Dine said the French operation was a crusade and vowed to fight on.\n\n"
            "The Prime Minister spoke to the French president this evening about the crisis.\n\n"
            "France launched the operation in conjunction with the Malian government to halt the fighters.\n\n"
            "The Malian government said it was grateful for the help. Mali's president said Mali would not be "
            "divided, and Malian officials said the capital was calm.")
    ids = {p.id for p in _timeline(text, title=text.splitlines()[0]).parties}
    assert {"france", "mali"} <= ids and len(ids) == 3
    alone = text.replace(" in conjunction with the Malian government", "")
    assert "mali" not in {p.id for p in _timeline(alone, title=text.splitlines()[0]).parties}


def test_an_unnamed_group_beside_a_group_named_only_as_an_affiliation():
    text = UNNAMED_GROUP_ARTICLE.replace(
        "A spokesman for the militants told a local radio station",
        "Mr Barasa said the militants were led by a former commander of al-Shabab.\n\nEarlier, a man claiming to "
        "be a spokesman for the militants told a local radio station").replace(
        "\"We are holding the Kenyan government responsible,\" the spokesman said.",
        "He claimed that the militants had freed all Kenyan workers.")
    timeline = _timeline(text)
    assert {p.name for p in timeline.parties} == {"Kenya", "Islamist militants"}
    militants = next(p.id for p in timeline.parties if p.name == "Islamist militants")
    spoke = {a.text: a.party for a in timeline.accounts}
    assert spoke["He claimed that the militants had freed all Kenyan workers."] == militants
    assert any(party == militants and text.startswith("Earlier, a man claiming") for text, party in spoke.items())
