<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AgentsDialog</name>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="119"/>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="122"/>
        <location filename="../../desk/ui/admin_dialogs.py" line="141"/>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="123"/>
        <location filename="../../desk/ui/admin_dialogs.py" line="142"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="124"/>
        <location filename="../../desk/ui/admin_dialogs.py" line="144"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="125"/>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="125"/>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="125"/>
        <source>deactivated</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="143"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="148"/>
        <source>Create the account</source>
        <translation>Créer le compte</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="149"/>
        <source>Give the selected agent this role</source>
        <translation>Donner ce rôle à l&apos;agent sélectionné</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="150"/>
        <source>Reset the selected agent&apos;s password</source>
        <translation>Réinitialiser le mot de passe de l&apos;agent sélectionné</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="151"/>
        <source>Deactivate / reactivate</source>
        <translation>Désactiver / réactiver</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="202"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="239"/>
        <source>Audit trail</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="242"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="244"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="245"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="246"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="246"/>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="247"/>
        <source>done</source>
        <translation>effectué</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="248"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="253"/>
        <source>Agent, action or detail contains…</source>
        <translation>Agent, action ou détail contenant…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="256"/>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="257"/>
        <source>Refused only</source>
        <translation>Refus seulement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="258"/>
        <source>Done only</source>
        <translation>Actions effectuées seulement</translation>
    </message>
</context>
<context>
    <name>CardForm</name>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="160"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="161"/>
        <source>Authorisation number (terminal)</source>
        <translation>Numéro d&apos;autorisation (terminal)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="162"/>
        <source>Last four digits of the card</source>
        <translation>4 derniers chiffres de la carte</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="163"/>
        <source>Send to the terminal (F8)</source>
        <translation>Envoyer au terminal (F8)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="167"/>
        <source>Cancel on the terminal</source>
        <translation>Annuler sur le terminal</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="195"/>
        <source>%1 sent to the terminal: the family types its code…</source>
        <translation>%1 envoyés au terminal : la famille compose son code…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="204"/>
        <source>Card accepted: authorisation %1.</source>
        <translation>Carte acceptée : autorisation %1.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="222"/>
        <source>Card: the amount is not readable.</source>
        <translation>Carte : le montant n&apos;est pas lisible.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="224"/>
        <source>Card: send the amount to the terminal (F8); its answer fills the authorisation.</source>
        <translation>Carte : envoyez le montant au terminal (F8) ; sa réponse remplit l&apos;autorisation.</translation>
    </message>
</context>
<context>
    <name>CashDeskDialog</name>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="57"/>
        <source>Cash desk</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="71"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="94"/>
        <source>The cash desk could not be read.</source>
        <translation>La caisse n&apos;a pas pu être lue.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="138"/>
        <source>Cash drawer</source>
        <translation>Tiroir-caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="138"/>
        <source>Open the drawer with its key.</source>
        <translation>Ouvrez le tiroir avec sa clé.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="141"/>
        <source>The cash desk is closed.</source>
        <translation>La caisse est fermée.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="142"/>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="147"/>
        <source>Open the cash desk</source>
        <translation>Ouvrir la caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="152"/>
        <source>Float counted in the till</source>
        <translation>Fond de caisse compté</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="163"/>
        <source>Type the float, for example 150,00.</source>
        <translation>Saisissez le fond de caisse, par exemple 150,00.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="166"/>
        <source>Opening the cash desk…</source>
        <translation>Ouverture de la caisse…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="192"/>
        <source>Cash desk open since %1</source>
        <translation>Caisse ouverte depuis le %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="193"/>
        <source>The session</source>
        <translation>La session</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="195"/>
        <source>Float</source>
        <translation>Fond de caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="196"/>
        <source>Payments</source>
        <translation>Règlements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="202"/>
        <source>Credits refunded in cash</source>
        <translation>Avoirs remboursés en espèces</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="205"/>
        <source>Cash expected in the till</source>
        <translation>Espèces attendues en caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="206"/>
        <source>Count the cash</source>
        <translation>Comptage des espèces</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="225"/>
        <source>total of the cheques counted</source>
        <translation>total des chèques comptés</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="228"/>
        <source>Explain any difference</source>
        <translation>Expliquez tout écart</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="231"/>
        <source>Cheques counted</source>
        <translation>Chèques comptés</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="232"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="233"/>
        <source>Close the cash desk and print the journal</source>
        <translation>Clôturer la caisse et imprimer le journal</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="240"/>
        <source>Payments of the session</source>
        <translation>Règlements de la session</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="243"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="244"/>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="245"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="246"/>
        <source>Paid by</source>
        <translation>Réglé par</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="253"/>
        <source>Reprint the selected ticket</source>
        <translation>Réimprimer le ticket sélectionné</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="283"/>
        <source>Counted: %1</source>
        <translation>Compté : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="284"/>
        <source>Difference: %1</source>
        <translation>Écart : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="292"/>
        <source>Count the cheques and type their total (0 if there are none).</source>
        <translation>Comptez les chèques et saisissez leur total (0 s&apos;il n&apos;y en a pas).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="297"/>
        <source>Type the total of the cheques, for example 45,00.</source>
        <translation>Saisissez le total des chèques, par exemple 45,00.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="306"/>
        <source>Close the cash desk? Nothing can be cashed in this session afterwards.</source>
        <translation>Clôturer la caisse ? Plus rien ne pourra être encaissé dans cette session.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="307"/>
        <source>Close the cash desk</source>
        <translation>Clôturer la caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="311"/>
        <source>Closing the cash desk…</source>
        <translation>Clôture de la caisse…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="329"/>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="337"/>
        <source>Cash-desk journal</source>
        <translation>Journal de caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="338"/>
        <source>The cash desk is closed, but its journal could not be made.</source>
        <translation>La caisse est clôturée, mais son journal n&apos;a pas pu être établi.</translation>
    </message>
</context>
<context>
    <name>CashForm</name>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="103"/>
        <source>Amount handed over</source>
        <translation>Somme remise</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="104"/>
        <source>Change to give back</source>
        <translation>Monnaie à rendre</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="109"/>
        <source>Cash: type the amount handed over, for example 20,00.</source>
        <translation>Espèces : saisissez la somme remise, par exemple 20,00.</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="49"/>
        <source>Activity catalogue</source>
        <translation>Catalogue des activités</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="63"/>
        <source>Apply this capacity to the unit&apos;s days</source>
        <translation>Appliquer cette capacité aux jours de l&apos;unité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="69"/>
        <source>Close the selected day</source>
        <translation>Fermer le jour sélectionné</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="79"/>
        <source>Open during school holidays (holiday centre)</source>
        <translation>Ouvrir pendant les vacances scolaires (centre de vacances)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="81"/>
        <source>Open these days</source>
        <translation>Ouvrir ces jours</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="89"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="91"/>
        <source>Places per day</source>
        <translation>Places par jour</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="95"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="97"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="102"/>
        <source>Open days of the unit</source>
        <translation>Jours d&apos;ouverture de l&apos;unité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="110"/>
        <source>Prices per quotient bracket (double-click to change)</source>
        <translation>Tarifs par tranche de quotient (double-cliquez pour modifier)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="207"/>
        <source>%1 — %2 places, %3 taken</source>
        <translation>%1 — %2 places, %3 prises</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="220"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="234"/>
        <source>Type a price, for example 4,00.</source>
        <translation>Saisissez un tarif, par exemple 4,00.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="237"/>
        <source>Price saved: new bookings pay it.</source>
        <translation>Tarif enregistré : les nouvelles réservations le paient.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="242"/>
        <source>Capacity saved (days already fuller keep room for their bookings).</source>
        <translation>Capacité enregistrée (les jours déjà plus remplis gardent la place de leurs réservations).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="250"/>
        <source>Day closed.</source>
        <translation>Jour fermé.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="255"/>
        <source>Tick the weekdays to open.</source>
        <translation>Cochez les jours de la semaine à ouvrir.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="262"/>
        <source>Days opened.</source>
        <translation>Jours ouverts.</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="61"/>
        <location filename="../../desk/ui/checkout_dialog.py" line="128"/>
        <source>Changes to confirm</source>
        <translation>Validation des modifications</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="63"/>
        <source>The changes are recorded once paid (« Pay »). « Clear all » erases them and frees their places.</source>
        <translation>Les modifications sont enregistrées une fois réglées (« Payer »). « Tout supprimer » les efface et libère leurs places.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="66"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="67"/>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="68"/>
        <source>Pricing</source>
        <translation>Tarification</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="69"/>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="85"/>
        <location filename="../../desk/ui/checkout_dialog.py" line="182"/>
        <location filename="../../desk/ui/checkout_dialog.py" line="197"/>
        <source>Clear all</source>
        <translation>Tout supprimer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="87"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="89"/>
        <source>Pay</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="93"/>
        <location filename="../../desk/ui/checkout_dialog.py" line="171"/>
        <source>Print the recap</source>
        <translation>Imprimer le récapitulatif</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="134"/>
        <source>To pay: %1</source>
        <translation>À payer : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="155"/>
        <source>Preparing the recap…</source>
        <translation>Préparation du récapitulatif…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="164"/>
        <source>The printer could not be reached.</source>
        <translation>L&apos;imprimante ne répond pas.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="166"/>
        <source>Recap sent to the printer.</source>
        <translation>Récapitulatif envoyé à l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="181"/>
        <source>Erase every change of this basket and free the places it holds?</source>
        <translation>Effacer toutes les modifications de ce panier et libérer les places qu&apos;il retient ?</translation>
    </message>
</context>
<context>
    <name>ChequeForm</name>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="126"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="127"/>
        <source>Cheque number</source>
        <translation>Numéro du chèque</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="128"/>
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="129"/>
        <source>Drawer</source>
        <translation>Tireur</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="134"/>
        <source>Cheque: the amount is not readable.</source>
        <translation>Chèque : le montant n&apos;est pas lisible.</translation>
    </message>
</context>
<context>
    <name>ChequesTab</name>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="288"/>
        <source>The cheques received at the counter and not yet handed to the bank. Remit them by the next working day: those held longer are in red. Space ticks the cheque of the current row.</source>
        <translation>Les chèques reçus au guichet et pas encore remis à la banque. Remettez-les au plus tard le jour ouvré suivant : ceux détenus plus longtemps sont en rouge. Espace coche le chèque de la ligne courante.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="305"/>
        <source>Tick &amp;all</source>
        <translation>&amp;Tout cocher</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="308"/>
        <source>&amp;Untick all</source>
        <translation>Tout &amp;décocher</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="315"/>
        <source>&amp;Remit the chosen cheques (Ctrl+Enter)</source>
        <translation>&amp;Remettre les chèques cochés (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="326"/>
        <source>Remittance slips made</source>
        <translation>Bordereaux de remise établis</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="329"/>
        <source>Slip</source>
        <translation>Bordereau</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="330"/>
        <source>Made on</source>
        <translation>Établi le</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="331"/>
        <source>Cheques</source>
        <translation>Chèques</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="332"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="339"/>
        <source>Print the selected slip again (Ctrl+R)</source>
        <translation>Réimprimer le bordereau choisi (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="369"/>
        <source>No cheque waits to be remitted.</source>
        <translation>Aucun chèque n&apos;attend d&apos;être remis.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/regie_dialog.py" line="374"/>
        <source>%n cheque(s) ticked: %1</source>
        <translation>
            <numerusform>%n chèque coché : %1</numerusform>
            <numerusform>%n chèques cochés : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/regie_dialog.py" line="384"/>
        <source>Remit %n cheque(s), %1 in all, to the bank? The slip is numbered and recorded: it cannot be undone.</source>
        <translation>
            <numerusform>Remettre %n chèque, %1 en tout, à la banque ? Le bordereau est numéroté et enregistré : la remise ne peut pas être annulée.</numerusform>
            <numerusform>Remettre %n chèques, %1 en tout, à la banque ? Le bordereau est numéroté et enregistré : la remise ne peut pas être annulée.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="386"/>
        <source>Remit the cheques</source>
        <translation>Remettre les chèques</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="392"/>
        <source>Recording the remittance…</source>
        <translation>Enregistrement de la remise…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/regie_dialog.py" line="397"/>
        <source>Slip %1 recorded: %n cheque(s), %2. Hand them to the bank with the printed slip.</source>
        <translation>
            <numerusform>Bordereau %1 enregistré : %n chèque, %2. Remettez-le à la banque avec le bordereau imprimé.</numerusform>
            <numerusform>Bordereau %1 enregistré : %n chèques, %2. Remettez-les à la banque avec le bordereau imprimé.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="408"/>
        <location filename="../../desk/ui/regie_dialog.py" line="433"/>
        <source>Cheque remittance slip %1</source>
        <translation>Bordereau de remise de chèques %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="410"/>
        <source>The remittance is recorded, but its slip could not be drawn: print it again from the list of slips.</source>
        <translation>La remise est enregistrée, mais son bordereau n&apos;a pas pu être établi : réimprimez-le depuis la liste des bordereaux.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="423"/>
        <source>Choose a slip in the list first.</source>
        <translation>Choisissez d&apos;abord un bordereau dans la liste.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="435"/>
        <source>The slip could not be drawn.</source>
        <translation>Le bordereau n&apos;a pas pu être établi.</translation>
    </message>
</context>
<context>
    <name>ChildRow</name>
    <message>
        <location filename="../../desk/ui/family_form.py" line="141"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="145"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="146"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="152"/>
        <source>Birth date, dd/mm/yyyy</source>
        <translation>Date de naissance, jj/mm/aaaa</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="168"/>
        <source>The symbol is given when the file is saved.</source>
        <translation>Le symbole est attribué à l&apos;enregistrement du dossier.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="171"/>
        <source>Planning symbol: %1</source>
        <translation>Symbole du planning : %1</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="37"/>
        <source>&amp;Print (Ctrl+P)</source>
        <translation>&amp;Imprimer (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="41"/>
        <source>&amp;Save as PDF (Ctrl+S)</source>
        <translation>&amp;Enregistrer en PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="45"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="71"/>
        <source>The document could not be shown (%1); it is recorded all the same: print it again later.</source>
        <translation>Le document n&apos;a pas pu être affiché (%1) ; il est bien enregistré : réimprimez-le plus tard.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="84"/>
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="84"/>
        <source>The printer could not be reached.</source>
        <translation>L&apos;imprimante ne répond pas.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="85"/>
        <source>Check that it is switched on, or save the document as PDF.</source>
        <translation>Vérifiez qu&apos;elle est allumée, ou enregistrez le document en PDF.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="87"/>
        <source>Sent to the printer.</source>
        <translation>Envoyé à l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="91"/>
        <location filename="../../desk/ui/document_dialog.py" line="97"/>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="91"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="97"/>
        <source>The file could not be written.</source>
        <translation>Le fichier n&apos;a pas pu être écrit.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="100"/>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
</context>
<context>
    <name>EnrolmentDialog</name>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="31"/>
        <source>New activity line</source>
        <translation>Nouvelle ligne d&apos;activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="47"/>
        <source>&amp;Child</source>
        <translation>&amp;Enfant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="48"/>
        <source>C&amp;ategory</source>
        <translation>C&amp;atégorie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="49"/>
        <source>&amp;Type of activity</source>
        <translation>&amp;Type d&apos;activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="50"/>
        <source>&amp;Activity</source>
        <translation>&amp;Activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="54"/>
        <source>Enrol</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="84"/>
        <source>No activity is open for enrolment today for this child (age, dates, or already enrolled).</source>
        <translation>Aucune activité n&apos;est ouverte aux inscriptions aujourd&apos;hui pour cet enfant (âge, dates, ou déjà inscrit).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="120"/>
        <source>From %1 to %2, children aged %3 to %4</source>
        <translation>Du %1 au %2, enfants de %3 à %4 ans</translation>
    </message>
</context>
<context>
    <name>EnrolmentsTab</name>
    <message>
        <location filename="../../desk/ui/family_file.py" line="67"/>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="68"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="69"/>
        <source>Type of activity</source>
        <translation>Type d&apos;activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="70"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="71"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="75"/>
        <source>&amp;New activity line (Ctrl+I)</source>
        <translation>&amp;Nouvelle ligne d&apos;activité (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="78"/>
        <source>No activity line yet: create one to book days on the planning.</source>
        <translation>Aucune ligne d&apos;activité : créez-en une pour réserver des jours sur le planning.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="126"/>
        <source>New activity line</source>
        <translation>Nouvelle ligne d&apos;activité</translation>
    </message>
</context>
<context>
    <name>FamilyFileWidget</name>
    <message>
        <location filename="../../desk/ui/family_file.py" line="281"/>
        <source>&amp;Dossier</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="282"/>
        <source>&amp;Enrolments</source>
        <translation>&amp;Inscriptions</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="283"/>
        <source>P&amp;lanning</source>
        <translation>P&amp;lanning</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="284"/>
        <source>Pa&amp;yments</source>
        <translation>&amp;Paiements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="341"/>
        <source>New family</source>
        <translation>Nouvelle famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="342"/>
        <source>Fill in the file, then save (Ctrl+S).</source>
        <translation>Remplissez le dossier, puis enregistrez (Ctrl+S).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="411"/>
        <source>Payment</source>
        <translation>Règlement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="432"/>
        <source>Cash drawer</source>
        <translation>Tiroir-caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="433"/>
        <source>The payment is recorded: open the drawer with its key.</source>
        <translation>Le règlement est enregistré : ouvrez le tiroir avec sa clé.</translation>
    </message>
</context>
<context>
    <name>FamilyForm</name>
    <message>
        <location filename="../../desk/ui/family_form.py" line="203"/>
        <source>Family name</source>
        <translation>Nom de la famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="206"/>
        <source>Number and street</source>
        <translation>Numéro et rue</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="209"/>
        <source>Town</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="212"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="215"/>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="217"/>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="218"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="219"/>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="223"/>
        <source>Postal code, town</source>
        <translation>Code postal, commune</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="224"/>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="225"/>
        <source>&amp;E-mail</source>
        <translation>&amp;Courriel</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="226"/>
        <source>&amp;Quotient familial (€)</source>
        <translation>&amp;Quotient familial (€)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="229"/>
        <source>Guardians</source>
        <translation>Responsables</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="232"/>
        <source>Add a guardian</source>
        <translation>Ajouter un responsable</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="238"/>
        <source>Children</source>
        <translation>Enfants</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="241"/>
        <source>Add a child</source>
        <translation>Ajouter un enfant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="247"/>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="252"/>
        <source>Undo changes</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="324"/>
        <source>given when saved</source>
        <translation>attribué à l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="360"/>
        <source>The quotient familial is a whole number of euros.</source>
        <translation>Le quotient familial est un nombre entier d&apos;euros.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="366"/>
        <source>Impossible date: « %1 » (dd/mm/yyyy).</source>
        <translation>Date impossible : « %1 » (jj/mm/aaaa).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="401"/>
        <source>Create a new file anyway?</source>
        <translation>Créer quand même un nouveau dossier ?</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="402"/>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="407"/>
        <source>Family file</source>
        <translation>Dossier famille</translation>
    </message>
</context>
<context>
    <name>FamilySearchPanel</name>
    <message>
        <location filename="../../desk/ui/search_panel.py" line="160"/>
        <source>Name, first name, dossier, phone or e-mail</source>
        <translation>Nom, prénom, dossier, téléphone ou courriel</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_panel.py" line="182"/>
        <source>&amp;Find a family</source>
        <translation>&amp;Rechercher une famille</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/search_panel.py" line="211"/>
        <source>%n family(ies)</source>
        <translation>
            <numerusform>%n famille</numerusform>
            <numerusform>%n familles</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_panel.py" line="213"/>
        <source>No family matches.</source>
        <translation>Aucune famille ne correspond.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_panel.py" line="221"/>
        <source>The search failed: check the database connection.</source>
        <translation>La recherche a échoué : vérifiez la connexion à la base de données.</translation>
    </message>
</context>
<context>
    <name>GatewayWindow</name>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="64"/>
        <source>Secure payment of the public treasury (DGFIP)</source>
        <translation>Paiement sécurisé du Trésor public (DGFIP)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="73"/>
        <source>Preparing the payment… Please wait a few seconds.</source>
        <translation>Préparation du paiement… Merci de patienter quelques secondes.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="79"/>
        <source>Welcome to the DGFIP payment solution</source>
        <translation>Bienvenue sur la solution de paiement de la DGFIP</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="93"/>
        <source>Debt reference:</source>
        <translation>Référence de la dette :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="94"/>
        <source>Amount:</source>
        <translation>Montant :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="95"/>
        <source>E-mail address:</source>
        <translation>Adresse électronique :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="104"/>
        <source>Back to the desk</source>
        <translation>Retour au guichet</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="110"/>
        <source>Information about the debt</source>
        <translation>Informations sur la dette</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="121"/>
        <source>The family pays on the public treasury&apos;s page, in the browser; this window follows the payment and shows the ticket once the bank has paid.</source>
        <translation>La famille paie sur la page du Trésor public, dans le navigateur ; cette fenêtre suit le paiement et affiche le ticket dès que la banque a payé.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="125"/>
        <source>PayFiP simulator. Test cards (any future expiry, any 3-digit code):</source>
        <translation>Simulateur PayFiP. Cartes de test (toute date d&apos;expiration future, tout code à 3 chiffres) :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="130"/>
        <source>Pay by bank card</source>
        <translation>Payer par carte bancaire</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="135"/>
        <source>Open the payment page in the browser</source>
        <translation>Ouvrir la page de paiement dans le navigateur</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="139"/>
        <location filename="../../desk/ui/gateway_window.py" line="175"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="144"/>
        <source>Choice of the payment method</source>
        <translation>Choix du mode de paiement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="171"/>
        <source>VALIDATE</source>
        <translation>VALIDER</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="180"/>
        <source>month</source>
        <translation>mois</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="182"/>
        <source>year</source>
        <translation>année</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="186"/>
        <source>Card number:</source>
        <translation>Numéro de carte :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="187"/>
        <source>Expires at the end of:</source>
        <translation>Expire fin :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="188"/>
        <source>Card security code:</source>
        <translation>Cryptogramme visuel de la carte :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="235"/>
        <source>The payment page is open in the browser. This window follows the payment and shows the ticket once the bank has paid.</source>
        <translation>La page de paiement est ouverte dans le navigateur. Cette fenêtre suit le paiement et affiche le ticket dès que la banque a payé.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="263"/>
        <source>Waiting for your bank&apos;s answer… This may take a few minutes.</source>
        <translation>En attente de la réponse de votre banque… Cela peut prendre quelques minutes.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="271"/>
        <source>The payment page does not answer: try again in a moment.</source>
        <translation>La page de paiement ne répond pas : réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="309"/>
        <source>Time left to pay: %1</source>
        <translation>Temps restant pour payer : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="320"/>
        <source>Back to the payment</source>
        <translation>Retour au paiement</translation>
    </message>
</context>
<context>
    <name>GuardianRow</name>
    <message>
        <location filename="../../desk/ui/family_form.py" line="91"/>
        <source>Main contact</source>
        <translation>Contact principal</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="92"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="96"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="97"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="98"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="99"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
</context>
<context>
    <name>HeldChequesModel</name>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="126"/>
        <source>Receipt</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="126"/>
        <source>Received</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="126"/>
        <source>Drawer</source>
        <translation>Tireur</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="126"/>
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="127"/>
        <source>Cheque number</source>
        <translation>N° de chèque</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="127"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="127"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="182"/>
        <source>Held beyond the next working day after it was received: remit it to the bank now.</source>
        <translation>Détenu au-delà du jour ouvré qui suit sa réception : remettez-le à la banque sans attendre.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="199"/>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="199"/>
        <source>To remit</source>
        <translation>À remettre</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../desk/ui/main_window.py" line="99"/>
        <source>Front desk</source>
        <translation>Guichet unique</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="102"/>
        <source>Find a family on the left (Ctrl+F), or create one (Ctrl+N).</source>
        <translation>Recherchez une famille à gauche (Ctrl+F), ou créez-la (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="104"/>
        <source>families</source>
        <translation>familles</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="105"/>
        <source>children</source>
        <translation>enfants</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="106"/>
        <source>bookings to come</source>
        <translation>réservations à venir</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="113"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="113"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="113"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="113"/>
        <source>Enrolments</source>
        <translation>Inscriptions</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="126"/>
        <source>Current and upcoming activities</source>
        <translation>Activités en cours et à venir</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="132"/>
        <source>Front desk of {town} — {regie}</source>
        <comment>{of_town}: de, d&apos; or du with the town</comment>
        <translation>Guichet unique {of_town} — {regie}</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="140"/>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="26"/>
        <source>desk — Sign in</source>
        <translation>desk — Connexion</translation>
    </message>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="29"/>
        <source>Front desk</source>
        <translation>Guichet unique</translation>
    </message>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="46"/>
        <source>&amp;Login</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="47"/>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="49"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="77"/>
        <source>Enter your login and your password.</source>
        <translation>Saisissez votre identifiant et votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk/ui/main_window.py" line="165"/>
        <source>desk — Front desk</source>
        <translation>desk — Guichet unique</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="249"/>
        <source>No agent signed in</source>
        <translation>Aucun agent connecté</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="324"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="294"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="238"/>
        <source>Connection to the server restored.</source>
        <translation>Connexion au serveur rétablie.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="289"/>
        <source>&amp;Find a family</source>
        <translation>&amp;Rechercher une famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="291"/>
        <source>&amp;New family</source>
        <translation>&amp;Nouvelle famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="293"/>
        <source>&amp;Home</source>
        <translation>&amp;Accueil</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="296"/>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="298"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="299"/>
        <source>&amp;Cash desk…</source>
        <translation>&amp;Caisse…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="301"/>
        <source>Régie &amp;books…</source>
        <translation>&amp;Livres de la régie…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="303"/>
        <source>&amp;Verify the payment journal</source>
        <translation>&amp;Vérifier le journal des règlements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="305"/>
        <location filename="../../desk/ui/main_window.py" line="468"/>
        <source>&amp;Online payments to check…</source>
        <translation>Paiements en &amp;ligne à vérifier…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="307"/>
        <source>Audit &amp;trail…</source>
        <translation>Journal d&apos;&amp;audit…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="308"/>
        <source>&amp;Agents…</source>
        <translation>&amp;Agents…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="309"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Réglages…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="310"/>
        <source>Activity &amp;catalogue…</source>
        <translation>&amp;Catalogue des activités…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="328"/>
        <source>&amp;Cash desk</source>
        <translation>&amp;Caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="333"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="334"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="335"/>
        <source>Counter</source>
        <translation>Comptoir</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/main_window.py" line="365"/>
        <source>The basket of %1 still holds %n change(s) not paid. They keep their places until their hold expires, then are cancelled. Leave this family anyway?</source>
        <translation>
            <numerusform>Le panier de %1 contient encore %n modification non réglée. Elle garde sa place jusqu&apos;à l&apos;expiration de l&apos;attente, puis est annulée. Quitter quand même ce dossier ?</numerusform>
            <numerusform>Le panier de %1 contient encore %n modifications non réglées. Elles gardent leurs places jusqu&apos;à l&apos;expiration de l&apos;attente, puis sont annulées. Quitter quand même ce dossier ?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="367"/>
        <source>Changes not paid</source>
        <translation>Modifications non réglées</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="382"/>
        <source>Family file</source>
        <translation>Dossier famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="398"/>
        <source>Family file saved.</source>
        <translation>Dossier famille enregistré.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="454"/>
        <source>PayFiP gave no usable answer for some online payments: the desk will ask again.</source>
        <translation>PayFiP n&apos;a pas répondu pour certains paiements en ligne : le guichet redemandera.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="500"/>
        <source>Cash desk closed</source>
        <translation>Caisse fermée</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="503"/>
        <source>Cash desk open since %1</source>
        <translation>Caisse ouverte depuis le %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="321"/>
        <source>&amp;About desk</source>
        <translation>À &amp;propos de desk</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="259"/>
        <source>Server unreachable: reconnecting…</source>
        <translation>Serveur injoignable : reconnexion en cours…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="261"/>
        <source>Nothing can be recorded until the server answers again; what is on screen is kept. Other desks&apos; changes will show once it is back.</source>
        <translation>Rien ne peut être enregistré tant que le serveur ne répond pas ; ce qui est à l&apos;écran est conservé. Les changements des autres guichets s&apos;afficheront à son retour.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/main_window.py" line="464"/>
        <source>%n online payment(s) to check</source>
        <translation>
            <numerusform>%n paiement en ligne à vérifier</numerusform>
            <numerusform>%n paiements en ligne à vérifier</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="467"/>
        <source>&amp;Online payments to check (%1)…</source>
        <translation>Paiements en &amp;ligne à vérifier (%1)…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="507"/>
        <source>Check the database connection, then refresh (F5).</source>
        <translation>Vérifiez la connexion à la base de données, puis actualisez (F5).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="508"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="508"/>
        <source>The figures could not be read from the database.</source>
        <translation>Les chiffres n&apos;ont pas pu être lus dans la base de données.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="517"/>
        <source>About desk</source>
        <translation>À propos de desk</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="518"/>
        <source>desk {version} — front desk of the guichet unique.
{database}</source>
        <translation>desk {version} — l&apos;application du guichet unique.
{database}</translation>
    </message>
</context>
<context>
    <name>MonthTab</name>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="827"/>
        <source>Save as CSV… (Ctrl+Shift+S)</source>
        <translation>Enregistrer en CSV… (Ctrl+Maj+S)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="830"/>
        <source>Save as PDF… (Ctrl+S)</source>
        <translation>Enregistrer en PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="838"/>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="843"/>
        <source>The takings of the month, per activity and per payment mode, for the ordonnateur to issue the titre de recette.</source>
        <translation>Les recettes du mois, par activité et par mode de règlement, pour que l&apos;ordonnateur émette le titre de recette.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="848"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="850"/>
        <source>Payment mode</source>
        <translation>Mode de règlement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="854"/>
        <source>Per activity</source>
        <translation>Par activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="855"/>
        <source>Per payment mode</source>
        <translation>Par mode de règlement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="869"/>
        <source>Receipts</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="870"/>
        <source>Total of the month</source>
        <translation>Total du mois</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="871"/>
        <source>Payment journal</source>
        <translation>Journal des règlements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="872"/>
        <source>Credits refunded in cash</source>
        <translation>Avoirs remboursés en espèces</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="873"/>
        <source>Versements</source>
        <translation>Versements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="884"/>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="885"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="920"/>
        <source>%1 per activity, %2 per payment mode: they differ</source>
        <translation>%1 par activité, %2 par mode de règlement : ils diffèrent</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="926"/>
        <source>No versement covers this month yet.</source>
        <translation>Aucun versement ne couvre encore ce mois.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="927"/>
        <source>No payment this month.</source>
        <translation>Aucun règlement ce mois-ci.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="942"/>
        <source>Save the month&apos;s takings as CSV</source>
        <translation>Enregistrer les recettes du mois en CSV</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="942"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="944"/>
        <source>Save the month&apos;s takings as PDF</source>
        <translation>Enregistrer les recettes du mois en PDF</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="944"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="958"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="962"/>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="967"/>
        <source>The file could not be written: %1</source>
        <translation>Le fichier n&apos;a pas pu être écrit : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="968"/>
        <source>The file could not be written.</source>
        <translation>Le fichier n&apos;a pas pu être écrit.</translation>
    </message>
</context>
<context>
    <name>OnlineForm</name>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="272"/>
        <source>The family pays on the public treasury&apos;s page (PayFiP). The bookings are confirmed when the bank answers.</source>
        <translation>La famille paie sur la page du Trésor public (PayFiP). Les réservations sont confirmées dès la réponse de la banque.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="275"/>
        <source>Open the online payment</source>
        <translation>Ouvrir le paiement en ligne</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="279"/>
        <source>E-mail for the receipt</source>
        <translation>Adresse électronique pour le reçu</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="289"/>
        <source>Online payment: open it with the button.</source>
        <translation>Paiement en ligne : ouvrez-le avec le bouton.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="323"/>
        <source>Payment</source>
        <translation>Règlement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="332"/>
        <source>To pay: %1</source>
        <translation>À payer : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="356"/>
        <source>Add this mode and pay the rest another way</source>
        <translation>Ajouter ce moyen et régler le reste autrement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="362"/>
        <source>Remove the selected mode</source>
        <translation>Retirer le moyen sélectionné</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="365"/>
        <source>The vouchers exceed the amount: the excess becomes a credit</source>
        <translation>Les titres dépassent le montant : l&apos;excédent devient un avoir</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="370"/>
        <location filename="../../desk/ui/payment_dialog.py" line="629"/>
        <source>Cash in (F9)</source>
        <translation>Encaisser (F9)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="376"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="386"/>
        <source>Payment &amp;mode</source>
        <translation>&amp;Mode de règlement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="394"/>
        <source>Modes already entered</source>
        <translation>Moyens déjà saisis</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="418"/>
        <source>Card: the amount is not readable.</source>
        <translation>Carte : le montant n&apos;est pas lisible.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="445"/>
        <source>Read the terminal&apos;s ticket before sending the amount again.</source>
        <translation>Lisez le ticket du terminal avant de renvoyer le montant.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="484"/>
        <source>The cash desk is closed: nothing can be cashed in at the counter. A cashier must open it (Cash desk menu); an online payment remains possible.</source>
        <translation>La caisse est fermée : aucun encaissement au guichet n&apos;est possible. Un régisseur doit l&apos;ouvrir (menu Caisse) ; le paiement en ligne reste possible.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="490"/>
        <source>Still to pay: %1</source>
        <translation>Reste à payer : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="492"/>
        <source>Not cashable as entered:</source>
        <translation>Encaissement impossible en l&apos;état :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="494"/>
        <source>The amount is covered.</source>
        <translation>Le montant est couvert.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="509"/>
        <source>Fill in this mode first.</source>
        <translation>Remplissez d&apos;abord ce moyen de paiement.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="615"/>
        <source>The family handed over %1 for %2 to pay: give back %3 of change?</source>
        <translation>La famille a remis %1 pour %2 à payer : rendre %3 de monnaie ?</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="618"/>
        <source>Much change to give back</source>
        <translation>Beaucoup de monnaie à rendre</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="629"/>
        <source>Cashing in…</source>
        <translation>Encaissement en cours…</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <location filename="../../desk/ui/family_file.py" line="146"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="147"/>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="148"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="149"/>
        <source>Paid by</source>
        <translation>Réglé par</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="156"/>
        <source>&amp;Reprint the ticket (Ctrl+R)</source>
        <translation>&amp;Réimprimer le ticket (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="159"/>
        <source>Account &amp;statement… (Ctrl+E)</source>
        <translation>&amp;Relevé de compte… (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="171"/>
        <source>cash</source>
        <translation>espèces</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="171"/>
        <source>bank transfer</source>
        <translation>virement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="172"/>
        <source>cheque</source>
        <translation>chèque</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="174"/>
        <source>Refund this much of the credit</source>
        <translation>Rembourser ce montant de l&apos;avoir</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="182"/>
        <source>Credit refund (régisseur):</source>
        <translation>Remboursement d&apos;avoir (régisseur) :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="206"/>
        <source>Type the amount to refund, for example 10,00.</source>
        <translation>Saisissez le montant à rembourser, par exemple 10,00.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="220"/>
        <source>Refunded; credit left: %1</source>
        <translation>Remboursé ; avoir restant : %1</translation>
    </message>
</context>
<context>
    <name>PlanningLegend</name>
    <message>
        <location filename="../../desk/ui/planning_legend.py" line="39"/>
        <source>booked, not paid yet</source>
        <translation>réservé, pas encore réglé</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_legend.py" line="40"/>
        <source>paid</source>
        <translation>réglé</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_legend.py" line="41"/>
        <source>cancellation pending</source>
        <translation>annulation en attente</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_legend.py" line="42"/>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_legend.py" line="43"/>
        <source>places left</source>
        <translation>places restantes</translation>
    </message>
</context>
<context>
    <name>PlanningModel</name>
    <message>
        <location filename="../../desk/ui/planning_model.py" line="323"/>
        <source>Closed that day.</source>
        <translation>Pas d&apos;accueil ce jour-là.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_model.py" line="325"/>
        <source>Price for this family: %1</source>
        <translation>Tarif pour cette famille : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_model.py" line="328"/>
        <source>not booked</source>
        <translation>non réservé</translation>
    </message>
</context>
<context>
    <name>PlanningPanel</name>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="113"/>
        <source>Previous period (Alt+Left)</source>
        <translation>Période précédente (Alt+Gauche)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="115"/>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="115"/>
        <source>Back to today (Alt+Home)</source>
        <translation>Revenir à aujourd&apos;hui (Alt+Début)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="117"/>
        <source>Next period (Alt+Right)</source>
        <translation>Période suivante (Alt+Droite)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="122"/>
        <source>Monthly</source>
        <translation>Mensuel</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="123"/>
        <source>Fortnight</source>
        <translation>Quinzaine</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="124"/>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="131"/>
        <location filename="../../desk/ui/planning_panel.py" line="482"/>
        <source>Modify (F2)</source>
        <translation>Modifier (F2)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="184"/>
        <source>Finish the changes (F9)</source>
        <translation>Terminer les modifications (F9)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="386"/>
        <location filename="../../desk/ui/planning_panel.py" line="412"/>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="390"/>
        <source>no activity line</source>
        <translation>aucune ligne d&apos;activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="420"/>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/planning_panel.py" line="218"/>
        <location filename="../../desk/ui/planning_panel.py" line="424"/>
        <source>%n booking(s) pending</source>
        <translation>
            <numerusform>%n réservation en attente</numerusform>
            <numerusform>%n réservations en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/planning_panel.py" line="219"/>
        <location filename="../../desk/ui/planning_panel.py" line="425"/>
        <source>%n cancellation(s) pending</source>
        <translation>
            <numerusform>%n annulation en attente</numerusform>
            <numerusform>%n annulations en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="220"/>
        <location filename="../../desk/ui/planning_panel.py" line="426"/>
        <source>Basket: %1</source>
        <translation>Panier : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/planning_panel.py" line="427"/>
        <source>%n change(s) in the basket, whatever their day; this period: %1</source>
        <translation>
            <numerusform>%n modification dans le panier, tous jours confondus ; sur cette période : %1</numerusform>
            <numerusform>%n modifications dans le panier, tous jours confondus ; sur cette période : %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="439"/>
        <source>Pending bookings left the basket (hold over, or removed at another desk): their places were freed. Check the basket.</source>
        <translation>Des réservations en attente ont quitté le panier (délai de garde dépassé, ou retirées à un autre guichet) : leurs places ont été libérées. Vérifiez le panier.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="478"/>
        <source>No child of this family has an activity line: enrol one first.</source>
        <translation>Aucun enfant de cette famille n&apos;a de ligne d&apos;activité : inscrivez-en un d&apos;abord.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="482"/>
        <source>Stop modifying (F2)</source>
        <translation>Arrêter de modifier (F2)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="498"/>
        <source>No day can be booked for this child in the coming months.</source>
        <translation>Aucun jour n&apos;est réservable pour cet enfant dans les mois qui viennent.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="520"/>
        <source>This activity has no such unit.</source>
        <translation>Cette activité n&apos;a pas cette unité.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="534"/>
        <source>Press F2 to modify the planning.</source>
        <translation>Appuyez sur F2 pour modifier le planning.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="537"/>
        <source>Closed that day.</source>
        <translation>Pas d&apos;accueil ce jour-là.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="541"/>
        <source>This child is not enrolled in this activity.</source>
        <translation>Cet enfant n&apos;est pas inscrit à cette activité.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="550"/>
        <source>Past the booking deadline</source>
        <translation>Délai de réservation dépassé</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="551"/>
        <source>%1
As régisseur you may book it all the same: why? (kept in the audit trail)</source>
        <translation>%1
En tant que régisseur, vous pouvez réserver malgré tout : pour quelle raison ? (conservée dans le journal d&apos;audit)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="556"/>
        <source>A reason is needed to pass the booking deadline.</source>
        <translation>Une raison est nécessaire pour passer outre le délai de réservation.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="91"/>
        <source>Payment ticket %1</source>
        <translation>Ticket de règlement %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="92"/>
        <source>Payment recorded: ticket %1</source>
        <translation>Règlement enregistré : ticket %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="95"/>
        <source>Duplicate %1 of ticket %2</source>
        <translation>Duplicata n° %1 du ticket %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="96"/>
        <source>Ticket %1 reprinted: DUPLICATE no. %2</source>
        <translation>Ticket %1 réimprimé : DUPLICATA n° %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="48"/>
        <source>80 mm ticket</source>
        <translation>Ticket 80 mm</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="49"/>
        <source>A4 page</source>
        <translation>Page A4</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="57"/>
        <source>Payment ticket</source>
        <translation>Ticket de paiement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="79"/>
        <source>The ticket could not be read.</source>
        <translation>Le ticket n&apos;a pas pu être lu.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="118"/>
        <source>Printing the ticket…</source>
        <translation>Impression du ticket…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="123"/>
        <source>Ticket printed.</source>
        <translation>Ticket imprimé.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="128"/>
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="129"/>
        <source>The payment is recorded: print the ticket again once the printer is on, or save it as PDF.</source>
        <translation>Le règlement est enregistré : imprimez à nouveau le ticket une fois l&apos;imprimante allumée, ou enregistrez-le en PDF.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="161"/>
        <source>Reprint the ticket</source>
        <translation>Réimprimer le ticket</translation>
    </message>
</context>
<context>
    <name>RegieActDialog</name>
    <message>
        <location filename="../../desk/ui/regie_act_dialog.py" line="42"/>
        <source>Acte constitutif of the régie</source>
        <translation>Acte constitutif de la régie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_act_dialog.py" line="46"/>
        <source>Arrêté n° 2024-118</source>
        <translation>Arrêté n° 2024-118</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_act_dialog.py" line="65"/>
        <source>&amp;Reference of the arrêté</source>
        <translation>&amp;Référence de l&apos;arrêté</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_act_dialog.py" line="66"/>
        <source>&amp;Date of the arrêté (dd/mm/yyyy)</source>
        <translation>&amp;Date de l&apos;arrêté (jj/mm/aaaa)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_act_dialog.py" line="67"/>
        <source>Authorised payment modes</source>
        <translation>Modes de règlement autorisés</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_act_dialog.py" line="68"/>
        <source>&amp;Maximum cash held</source>
        <translation>Encaisse &amp;maximale</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_act_dialog.py" line="69"/>
        <source>&amp;Float</source>
        <translation>&amp;Fonds de caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_act_dialog.py" line="70"/>
        <source>Régisseur &amp;titulaire</source>
        <translation>Régisseur &amp;titulaire</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_act_dialog.py" line="71"/>
        <source>Mandataires</source>
        <translation>Mandataires</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_act_dialog.py" line="83"/>
        <source>As the arrêté constitutif of the régie sets it: printed on its documents; the payment window offers only the modes it authorises.</source>
        <translation>Tel que le fixe l&apos;arrêté constitutif de la régie : imprimé sur ses documents ; la fenêtre de paiement ne propose que les modes qu&apos;il autorise.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_act_dialog.py" line="102"/>
        <source>Only an administrator changes the act.</source>
        <translation>Seul un administrateur modifie l&apos;acte.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_act_dialog.py" line="117"/>
        <source>(not named)</source>
        <translation>(non désigné)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_act_dialog.py" line="137"/>
        <source>Type the date of the arrêté as dd/mm/yyyy, for example 03/06/2024.</source>
        <translation>Saisissez la date de l&apos;arrêté en jj/mm/aaaa, par exemple 03/06/2024.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_act_dialog.py" line="140"/>
        <source>Type the maximum cash held and the float in euros, for example 3 000,00.</source>
        <translation>Saisissez l&apos;encaisse maximale et le fonds de caisse en euros, par exemple 3 000,00.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_act_dialog.py" line="157"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>RegieDialog</name>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="989"/>
        <source>Régie books</source>
        <translation>Livres de la régie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="997"/>
        <source>&amp;Cheques to remit</source>
        <translation>&amp;Chèques à remettre</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="998"/>
        <source>Card and &amp;online</source>
        <translation>Carte et en &amp;ligne</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="999"/>
        <source>Pay o&amp;ver</source>
        <translation>&amp;Versement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="1000"/>
        <source>&amp;Month&apos;s takings</source>
        <translation>Recettes du &amp;mois</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="1001"/>
        <source>Refresh (F5)</source>
        <translation>Actualiser (F5)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="1006"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="100"/>
        <source>Online payments to check</source>
        <translation>Paiements en ligne à vérifier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="106"/>
        <source>Check each one with the DGFIP (PayFiP back office) or the bank statement, then write what you found and mark it handled. The desk has already kept any money received as a credit of the family.</source>
        <translation>Vérifiez chacun auprès de la DGFIP (espace de gestion PayFiP) ou sur le relevé bancaire, puis notez ce que vous avez constaté et traitez-le. Le guichet a déjà porté toute somme reçue en avoir sur le compte de la famille.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="114"/>
        <source>Conclusion of the check</source>
        <translation>Conclusion de la vérification</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="121"/>
        <source>What you checked and what you concluded (DGFIP, bank statement)…</source>
        <translation>Ce que vous avez vérifié et ce que vous en concluez (DGFIP, relevé bancaire)…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="124"/>
        <source>&amp;Handle (Ctrl+Return)</source>
        <translation>&amp;Traiter (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="133"/>
        <source>Why it is flagged</source>
        <translation>Motif du signalement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="134"/>
        <source>&amp;Note</source>
        <translation>&amp;Conclusion</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="139"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="160"/>
        <source>The payments to check could not be read.</source>
        <translation>Les paiements à vérifier n&apos;ont pas pu être lus.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/review_dialog.py" line="166"/>
        <source>%n online payment(s) to check</source>
        <translation>
            <numerusform>%n paiement en ligne à vérifier</numerusform>
            <numerusform>%n paiements en ligne à vérifier</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="167"/>
        <source>No online payment to check.</source>
        <translation>Aucun paiement en ligne à vérifier.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="189"/>
        <source>Recording the conclusion…</source>
        <translation>Enregistrement de la conclusion…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="197"/>
        <source>Handled: the conclusion on %1 is recorded.</source>
        <translation>Traité : la conclusion sur %1 est enregistrée.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="50"/>
        <source>Paid after expiry (kept as credit)</source>
        <translation>Payé après expiration (porté en avoir)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="51"/>
        <source>Answer not matching (nothing cashed)</source>
        <translation>Réponse non conforme (rien encaissé)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="61"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="63"/>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="64"/>
        <source>Debt reference</source>
        <translation>Référence de la dette</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="65"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="67"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="68"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="303"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="311"/>
        <source>80 mm ticket</source>
        <translation>Ticket 80 mm</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="312"/>
        <source>A4 page</source>
        <translation>Page A4</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="327"/>
        <source>The DGFIP&apos;s service in production; the PayFiP simulator of this machine for the demo and training. Applies at the next start.</source>
        <translation>Le service de la DGFIP en production ; le simulateur PayFiP de ce poste pour la démonstration et la formation. Pris en compte au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="331"/>
        <source>T — test</source>
        <translation>T — test</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="331"/>
        <source>X — activation</source>
        <translation>X — activation</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="332"/>
        <source>W — production</source>
        <translation>W — production</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="338"/>
        <source>The thermal printer (ESC/POS) with the cash drawer on its port: tcp://host:9100, usb://04b8:0202, serial:///dev/ttyUSB0, file:///dev/usb/lp0. Empty: tickets go through the print dialog as PDF.</source>
        <translation>L&apos;imprimante thermique (ESC/POS), avec le tiroir-caisse sur son port : tcp://hôte:9100, usb://04b8:0202, serial:///dev/ttyUSB0, file:///dev/usb/lp0. Vide : les tickets passent par la boîte d&apos;impression, en PDF.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="345"/>
        <source>%1 characters</source>
        <translation>%1 caractères</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="347"/>
        <source>Print the ticket as soon as the payment is recorded</source>
        <translation>Imprimer le ticket dès que le règlement est enregistré</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="350"/>
        <source>On the ticket printer, with the 80 mm format; off, the agent prints it from the ticket&apos;s window (Print).</source>
        <translation>Sur l&apos;imprimante de tickets, au format 80 mm ; sinon, l&apos;agent l&apos;imprime depuis la fenêtre du ticket (Imprimer).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="355"/>
        <source>The card terminal speaking Caisse-AP IP (host:port, 8888 by default). Empty: the agent types the authorisation number.</source>
        <translation>Le terminal de paiement en Caisse-AP IP (hôte:port, 8888 par défaut). Vide : l&apos;agent saisit le numéro d&apos;autorisation.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="357"/>
        <source>Test page</source>
        <translation>Page de test</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="366"/>
        <source>Database of this desk (empty: the local file)</source>
        <translation>Base de données de ce poste (vide : le fichier local)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="367"/>
        <source>Receipt format</source>
        <translation>Format du ticket</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="368"/>
        <source>Receipt printer</source>
        <translation>Imprimante des tickets</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="369"/>
        <source>Hold of a pending booking</source>
        <translation>Attente d&apos;une réservation non réglée</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="370"/>
        <source>Cash ceiling per payment</source>
        <translation>Plafond d&apos;espèces par règlement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="371"/>
        <source>PayFiP service (address)</source>
        <translation>Service PayFiP (adresse)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="372"/>
        <source>PayFiP mode (saisie)</source>
        <translation>Mode PayFiP (saisie)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="378"/>
        <source>Ticket printer (ESC/POS)</source>
        <translation>Imprimante thermique (ESC/POS)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="380"/>
        <source>Card terminal (Caisse-AP)</source>
        <translation>Terminal de paiement (Caisse-AP)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="382"/>
        <source>Town</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="383"/>
        <source>Régie</source>
        <translation>Régie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="384"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="385"/>
        <source>PayFiP client number</source>
        <translation>Numéro client PayFiP</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="386"/>
        <source>Acte constitutif, régisseurs, authorised modes…</source>
        <translation>Acte constitutif, régisseurs, modes autorisés…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="399"/>
        <source>This desk</source>
        <translation>Ce poste</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="401"/>
        <source>The régie (printed on every ticket, sent to PayFiP)</source>
        <translation>La régie (imprimée sur chaque ticket, transmise à PayFiP)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="435"/>
        <source>Type the address of the ticket printer first.</source>
        <translation>Saisissez d&apos;abord l&apos;adresse de l&apos;imprimante de tickets.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="438"/>
        <source>Printing the test page…</source>
        <translation>Impression de la page de test…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="444"/>
        <source>Test page printed: check the accents, the € and the QR code.</source>
        <translation>Page de test imprimée : vérifiez les accents, le € et le code QR.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="470"/>
        <source>Type the cash ceiling, for example 300,00.</source>
        <translation>Saisissez le plafond d&apos;espèces, par exemple 300,00.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="504"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="58"/>
        <source>desk — First start</source>
        <translation>desk — Premier démarrage</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="60"/>
        <source>This database is new. Enter the régie&apos;s identity, printed on every ticket, and create the first administrator&apos;s account.</source>
        <translation>Cette base est neuve. Saisissez l&apos;identité de la régie, imprimée sur chaque ticket, et créez le compte du premier administrateur.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="66"/>
        <source>Town</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="67"/>
        <source>Régie</source>
        <translation>Régie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="68"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="69"/>
        <source>PayFiP client number</source>
        <translation>Numéro client PayFiP</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="70"/>
        <source>Administrator&apos;s login</source>
        <translation>Identifiant de l&apos;administrateur</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="71"/>
        <source>Administrator&apos;s name</source>
        <translation>Nom de l&apos;administrateur</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="72"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="83"/>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="100"/>
        <source>Creating the database…</source>
        <translation>Création de la base…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="36"/>
        <source>Find a family</source>
        <translation>Rechercher une famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="36"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="37"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="38"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="39"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="40"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="41"/>
        <source>Everywhere</source>
        <translation>Partout</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="37"/>
        <source>New family</source>
        <translation>Nouvelle famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="38"/>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="39"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="40"/>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="41"/>
        <source>This list</source>
        <translation>Cette liste</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="42"/>
        <source>Open the first family found</source>
        <translation>Ouvrir la première famille trouvée</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="42"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="43"/>
        <source>Save the family file</source>
        <translation>Enregistrer le dossier famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="43"/>
        <source>Family file</source>
        <translation>Dossier famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="44"/>
        <source>New activity line</source>
        <translation>Nouvelle ligne d&apos;activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="44"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="45"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="46"/>
        <source>Family file, any tab</source>
        <translation>Dossier famille, tout onglet</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="45"/>
        <source>Account statement</source>
        <translation>Relevé de compte</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="46"/>
        <source>Reprint the selected ticket (the latest if none)</source>
        <translation>Réimprimer le ticket sélectionné (le dernier sinon)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="47"/>
        <source>Modify the planning: the cursor on the first day that can be booked</source>
        <translation>Modifier le planning : le curseur sur le premier jour réservable</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="47"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="48"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="49"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="50"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="51"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="52"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="53"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="54"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="55"/>
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="48"/>
        <source>Previous / next open day (the page turns at the edges)</source>
        <translation>Jour d&apos;ouverture précédent / suivant (la page tourne aux bords)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="49"/>
        <source>Previous / next unit</source>
        <translation>Unité précédente / suivante</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="50"/>
        <source>Book or unbook the cell (or say why not)</source>
        <translation>Réserver ou retirer la case (ou dire pourquoi pas)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="51"/>
        <source>Book the matin, après-midi or journée of the cursor&apos;s day</source>
        <translation>Réserver le matin, l&apos;après-midi ou la journée du jour du curseur</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="52"/>
        <source>Previous / next period</source>
        <translation>Période précédente / suivante</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="53"/>
        <source>Back to today</source>
        <translation>Revenir à aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="54"/>
        <source>Month, fortnight, week</source>
        <translation>Mois, quinzaine, semaine</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="55"/>
        <source>Finish the changes (the recap, then Enter to pay)</source>
        <translation>Terminer les modifications (le récapitulatif, puis Entrée pour payer)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="56"/>
        <source>Cash in</source>
        <translation>Encaisser</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="56"/>
        <source>Payment</source>
        <translation>Règlement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="57"/>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="57"/>
        <source>Ticket, statement</source>
        <translation>Ticket, relevé</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="58"/>
        <source>Cash desk</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="58"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="59"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="60"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="61"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="62"/>
        <source>Régisseur</source>
        <translation>Régisseur</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="59"/>
        <source>Régie books: cheques to remit, takings, versements</source>
        <translation>Livres de la régie : chèques à remettre, recettes, versements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="60"/>
        <source>Verify the payment journal</source>
        <translation>Vérifier le journal des règlements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="61"/>
        <source>Online payments to check</source>
        <translation>Paiements en ligne à vérifier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="62"/>
        <source>Audit trail</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="70"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="74"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="74"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="74"/>
        <source>Where</source>
        <translation>Où</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="49"/>
        <location filename="../../desk/ui/statement_dialog.py" line="50"/>
        <source>Account statement</source>
        <translation>Relevé de compte</translation>
    </message>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="55"/>
        <source>Since 1 January</source>
        <translation>Depuis le 1er janvier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="56"/>
        <source>Last year</source>
        <translation>L&apos;année dernière</translation>
    </message>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="57"/>
        <source>This school year</source>
        <translation>Cette année scolaire</translation>
    </message>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="58"/>
        <source>Chosen dates</source>
        <translation>Dates choisies</translation>
    </message>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="62"/>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="64"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="110"/>
        <source>Reading the statement…</source>
        <translation>Lecture du relevé…</translation>
    </message>
</context>
<context>
    <name>TakingsTab</name>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="452"/>
        <source>&amp;Print the takings (Ctrl+P)</source>
        <translation>&amp;Imprimer les recettes (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="459"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="461"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="465"/>
        <source>Each day&apos;s card-terminal and online (PayFiP) takings, to match against the bank statements. Choose a day to see its payments: the reference is the card&apos;s authorisation number, or PayFiP&apos;s debt reference / operation id.</source>
        <translation>Les recettes de chaque jour par carte (TPE) et en ligne (PayFiP), à rapprocher des relevés bancaires. Choisissez un jour pour voir ses règlements : la référence est le numéro d&apos;autorisation de la carte, ou la référence de la dette / l&apos;identifiant d&apos;opération PayFiP.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="471"/>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="472"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="473"/>
        <source>Payments</source>
        <translation>Règlements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="474"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="482"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="483"/>
        <source>Receipt</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="484"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="486"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="518"/>
        <source>The first day comes after the last: choose the period again.</source>
        <translation>Le premier jour vient après le dernier : choisissez à nouveau la période.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="529"/>
        <source>No card or online payment over this period.</source>
        <translation>Aucun règlement par carte ou en ligne sur cette période.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/regie_dialog.py" line="538"/>
        <source>%1: %n payment(s), %2</source>
        <translation>
            <numerusform>%1 : %n règlement, %2</numerusform>
            <numerusform>%1 : %n règlements, %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="541"/>
        <source>Total of the period: %1</source>
        <translation>Total de la période : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="564"/>
        <source>Card and online takings</source>
        <translation>Recettes par carte et en ligne</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="566"/>
        <source>The takings could not be drawn.</source>
        <translation>Les recettes n&apos;ont pas pu être établies.</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../desk/ui/texts.py" line="17"/>
        <source>Balance due: %1</source>
        <translation>Restant dû : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/texts.py" line="19"/>
        <source>Credit: %1</source>
        <translation>Avoir : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/texts.py" line="20"/>
        <source>Account up to date</source>
        <translation>Compte à jour</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/texts.py" line="23"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/texts.py" line="26"/>
        <source>%n place(s) left of %1</source>
        <translation>
            <numerusform>%n place restante sur %1</numerusform>
            <numerusform>%n places restantes sur %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerifyJournalDialog</name>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="48"/>
        <source>Verify the payment journal</source>
        <translation>Vérifier le journal des règlements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="51"/>
        <source>Recomputes the hash chain and its seals, and checks every payment, receipt, account movement, cash-desk closing and place count against it. Paste the journal fingerprints printed on the cash-desk journals to prove that nothing was cut from the end.</source>
        <translation>Recalcule le chaînage et les sceaux du journal, et confronte à lui chaque règlement, ticket, mouvement de compte, clôture de caisse et compte de places. Recopiez les empreintes imprimées sur les journaux de caisse pour prouver que rien n&apos;a été retranché à la fin.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="56"/>
        <source>&amp;Fingerprints from the cash-desk journals (optional, one per line):</source>
        <translation>&amp;Empreintes des journaux de caisse (facultatif, une par ligne) :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="63"/>
        <source>&amp;Verify (Ctrl+Return)</source>
        <translation>&amp;Vérifier (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="88"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="123"/>
        <source>Verifying the whole journal: this may take a few seconds on a large town…</source>
        <translation>Vérification de tout le journal : quelques secondes pour une grande commune…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/verify_dialog.py" line="137"/>
        <source>The journal has been altered: %n finding(s), listed below. Keep the database as it is and warn the accounting officer.</source>
        <translation>
            <numerusform>Journal altéré : %n anomalie, détaillée ci-dessous. Conservez la base en l&apos;état et prévenez le comptable public.</numerusform>
            <numerusform>Journal altéré : %n anomalies, détaillées ci-dessous. Conservez la base en l&apos;état et prévenez le comptable public.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="143"/>
        <source>Journal head: entry %1, fingerprint %2.</source>
        <translation>Tête du journal : écriture n° %1, empreinte %2.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="152"/>
        <source>The verification could not finish; nothing was changed. Try again, then warn the administrator.</source>
        <translation>La vérification n&apos;a pas pu aboutir ; rien n&apos;a été modifié. Réessayez, puis prévenez l&apos;administrateur.</translation>
    </message>
</context>
<context>
    <name>VersementTab</name>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="579"/>
        <source>The régie&apos;s balances</source>
        <translation>Les soldes de la régie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="587"/>
        <source>To pay over</source>
        <translation>À verser</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="588"/>
        <source>Paid over this year</source>
        <translation>Versé cette année</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="589"/>
        <source>Float (acte constitutif)</source>
        <translation>Fonds de caisse (acte constitutif)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="590"/>
        <source>Cash held</source>
        <translation>Espèces détenues</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="591"/>
        <source>Cheques held</source>
        <translation>Chèques détenus</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="602"/>
        <source>Versements made</source>
        <translation>Versements effectués</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="605"/>
        <source>Versement</source>
        <translation>Versement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="606"/>
        <source>Days</source>
        <translation>Journées</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="607"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="614"/>
        <source>Print the selected versement again (Ctrl+R)</source>
        <translation>Réimprimer le versement choisi (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="623"/>
        <source>Pay over to the comptable public</source>
        <translation>Verser au comptable public</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="630"/>
        <source>Days from</source>
        <translation>Journées du</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="632"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="636"/>
        <source>Payment mode</source>
        <translation>Mode de règlement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="637"/>
        <source>Payments</source>
        <translation>Règlements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="638"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="650"/>
        <source>Receipts</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="651"/>
        <source>Total to pay over</source>
        <translation>Total à verser</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="652"/>
        <source>Payment journal</source>
        <translation>Journal des règlements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="653"/>
        <source>Credits refunded in cash</source>
        <translation>Avoirs remboursés en espèces</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="659"/>
        <source>Record the versement (Ctrl+Enter)</source>
        <translation>Enregistrer le versement (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="714"/>
        <source>%1 (at most %2)</source>
        <translation>%1 (au plus %2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/regie_dialog.py" line="717"/>
        <source>%n cheque(s), of which %1 late</source>
        <translation>
            <numerusform>%n chèque, dont %1 en retard</numerusform>
            <numerusform>%n chèques, dont %1 en retard</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="764"/>
        <source>Pay over the takings of %1 to %2, %3 in all, to the comptable public? The versement is numbered and recorded: it cannot be undone.</source>
        <translation>Verser au comptable public les recettes du %1 au %2, %3 en tout ? Le versement est numéroté et enregistré : il ne peut pas être annulé.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="767"/>
        <source>Pay over to the comptable</source>
        <translation>Verser au comptable</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="772"/>
        <source>Recording the versement…</source>
        <translation>Enregistrement du versement…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="777"/>
        <source>Versement %1 recorded: %2. Hand the printed versement to the comptable with the takings.</source>
        <translation>Versement %1 enregistré : %2. Remettez le bordereau imprimé au comptable avec les recettes.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="788"/>
        <location filename="../../desk/ui/regie_dialog.py" line="812"/>
        <source>Versement %1</source>
        <translation>Versement %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="790"/>
        <source>The versement is recorded, but its document could not be drawn: print it again from the list of versements.</source>
        <translation>Le versement est enregistré, mais son bordereau n&apos;a pas pu être établi : réimprimez-le depuis la liste des versements.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="802"/>
        <source>Choose a versement in the list first.</source>
        <translation>Choisissez d&apos;abord un versement dans la liste.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/regie_dialog.py" line="813"/>
        <source>The versement could not be drawn.</source>
        <translation>Le versement n&apos;a pas pu être établi.</translation>
    </message>
</context>
<context>
    <name>VoucherForm</name>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="245"/>
        <source>Number of vouchers</source>
        <translation>Nombre de titres</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="246"/>
        <source>Face value of one voucher</source>
        <translation>Valeur d&apos;un titre</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="261"/>
        <source>Vouchers: give their number and the face value of one.</source>
        <translation>Titres : indiquez leur nombre et la valeur d&apos;un titre.</translation>
    </message>
</context>
<context>
    <name>Waiting</name>
    <message>
        <location filename="../../desk/ui/waiting.py" line="15"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/waiting.py" line="23"/>
        <source>The database did not answer as expected: nothing was changed. Try again, then warn the administrator.</source>
        <translation>La base de données n&apos;a pas répondu comme prévu : rien n&apos;a été modifié. Réessayez, puis prévenez l&apos;administrateur.</translation>
    </message>
</context>
<context>
    <name>desk</name>
    <message>
        <location filename="../../desk/app.py" line="141"/>
        <source>Create a new, empty desk database at this place?</source>
        <translation>Créer à cet emplacement une nouvelle base de données desk, vide ?</translation>
    </message>
    <message>
        <location filename="../../desk/app.py" line="142"/>
        <source>New database</source>
        <translation>Nouvelle base de données</translation>
    </message>
    <message>
        <location filename="../../desk/app.py" line="205"/>
        <source>desk cannot start</source>
        <translation>desk ne peut pas démarrer</translation>
    </message>
    <message>
        <location filename="../../desk/app.py" line="228"/>
        <source>Unexpected error: the action did not go through.</source>
        <translation>Erreur inattendue : l&apos;action n&apos;a pas abouti.</translation>
    </message>
    <message>
        <location filename="../../desk/app.py" line="229"/>
        <source>The details are in %1.</source>
        <translation>Les détails sont dans %1.</translation>
    </message>
</context>
</TS>
